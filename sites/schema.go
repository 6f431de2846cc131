package sites

import "github.com/dctwin/dctwin/models/thermal"

// kind is the type a key's value must have.
type kind int

const (
	kNumber   kind = iota // a number (integer or float)
	kInt                  // an integer
	kBool                 // true or false
	kString               // any string
	kEnum                 // one of enum
	kDuration             // a duration string: "15m", "1h"
	kDate                 // a TOML date or date-time, or such a string
	kPath                 // a file path, relative to the site file
	kMonthly              // an array of 12 numbers, January first
	kTable                // a table
	kTables               // an array of tables
)

func (k kind) String() string {
	return [...]string{"a number", "an integer", "true or false", "a string", "one of the names listed",
		"a duration such as \"15m\" or \"1h\"", "a date such as 2025-01-01", "a file path",
		"an array of 12 numbers, January first", "a table", "an array of tables"}[k]
}

// keyDoc documents and constrains one key of a site file. The table keys
// drives the strict loader (unknown keys, types, ranges) and the reference in
// README.md, which a test keeps in step with it.
type keyDoc struct {
	path     string // dotted path; elements of arrays of tables without index
	kind     kind
	unit     string
	def      string // the default as documented; "required" when there is none
	min, max float64
	enum     []string
	doc      string
}

// keys lists every key a site file may hold, section by section.
var keys = []keyDoc{
	{path: "site", kind: kTable, doc: "The site."},
	{path: "site.name", kind: kString, def: "required", doc: "Names the site and its output folder: letters, digits, '.', '_', '-'."},
	{path: "site.title", kind: kString, def: `""`, doc: "A description for reports."},
	{path: "site.utc_offset", kind: kString, def: "from the weather source", doc: `The site's standard time as an offset from UTC, "-07:00". Daylight time is not used.`},

	{path: "period", kind: kTable, doc: "The simulated period."},
	{path: "period.start", kind: kDate, def: "2025-01-01", doc: "First day (or date-time) of the period, in the site's standard time."},
	{path: "period.days", kind: kInt, unit: "d", def: "365", min: 1, max: 36600, doc: "Length of the period."},
	{path: "period.step", kind: kDuration, def: `"15m"`, doc: "Simulation step: 1m to 1h, dividing an hour."},
	{path: "period.report_interval", kind: kDuration, def: `"1h"`, doc: "Interval of the rows of timeseries.csv: a multiple of the step, dividing a day."},
	{path: "period.seed", kind: kInt, def: "1", min: 0, max: 1 << 53, doc: "Seed of every random stream (rack variation, workloads, synthetic weather). Same seed, same outputs."},

	{path: "weather", kind: kTable, doc: "The outdoor air: exactly one of climate, epw and [weather.custom]."},
	{path: "weather.climate", kind: kEnum, def: "required (or epw, or custom)", doc: "A built-in synthetic climate (`dctwin climates` lists them)."},
	{path: "weather.epw", kind: kPath, def: "required (or climate, or custom)", doc: "An EnergyPlus weather (EPW) file, relative to the site file."},
	{path: "weather.custom", kind: kTable, doc: "A synthetic climate from monthly normals, for any place."},
	{path: "weather.custom.name", kind: kString, def: "required", doc: "The place."},
	{path: "weather.custom.latitude_deg", kind: kNumber, unit: "°", def: "required", min: -90, max: 90, doc: "Latitude, north positive."},
	{path: "weather.custom.longitude_deg", kind: kNumber, unit: "°", def: "required", min: -180, max: 180, doc: "Longitude, east positive."},
	{path: "weather.custom.utc_offset_h", kind: kNumber, unit: "h", def: "required", min: -12, max: 14, doc: "Standard time zone, hours from UTC."},
	{path: "weather.custom.elevation_m", kind: kNumber, unit: "m", def: "0", min: -500, max: 6000, doc: "Elevation; sets the station pressure when pressure_pa is not given."},
	{path: "weather.custom.tmax_c", kind: kMonthly, unit: "°C", def: "required", min: -60, max: 60, doc: "Mean daily maximum dry bulb of each month."},
	{path: "weather.custom.tmin_c", kind: kMonthly, unit: "°C", def: "required", min: -70, max: 50, doc: "Mean daily minimum dry bulb of each month."},
	{path: "weather.custom.dewpoint_c", kind: kMonthly, unit: "°C", def: "required (or rh_pct)", min: -70, max: 35, doc: "Mean dew point of each month."},
	{path: "weather.custom.rh_pct", kind: kMonthly, unit: "%", def: "required (or dewpoint_c)", min: 0, max: 100, doc: "Mean relative humidity of each month; used when dewpoint_c is not given."},
	{path: "weather.custom.daily_sd_k", kind: kMonthly, unit: "K", def: "2.8 each month", min: 0, max: 15, doc: "Standard deviation of the daily-mean dry bulb within each month (day-to-day variability)."},
	{path: "weather.custom.daily_ar1", kind: kMonthly, def: "0.66 each month", min: -0.99, max: 0.99, doc: "Lag-1 autocorrelation of the daily anomalies (persistence of warm and cold spells)."},
	{path: "weather.custom.pressure_pa", kind: kMonthly, unit: "Pa", def: "standard atmosphere at elevation_m", min: 31000, max: 120000, doc: "Mean station pressure of each month."},
	{path: "weather.custom.source", kind: kString, def: "none (reported as an unsourced input)", doc: "Where the normals come from (a station record, a dataset); shown in the report."},
	{path: "weather.custom.period", kind: kString, def: "none", doc: "The years the normals average, e.g. \"1991-2020\"; shown with the source."},

	{path: "racks", kind: kTables, doc: "Rack groups ([[racks]]), at least one. `kind` sets the defaults of a group's other keys."},
	{path: "racks.name", kind: kString, def: "required", doc: "Names the group; unique within the site."},
	{path: "racks.count", kind: kInt, def: "required", min: 1, max: 1e6, doc: "Number of racks, each simulated individually."},
	{path: "racks.kind", kind: kEnum, def: `"cpu"`, enum: rackKindNames(), doc: "cpu: air-cooled servers; gpu-air: air-cooled GPU systems (DGX H100 class); gpu-liquid: direct-to-chip liquid-cooled GPU racks (GB200 NVL72 class); gb200: the same, by name."},
	{path: "racks.peak_kw", kind: kNumber, unit: "kW", def: "cpu 15, gpu-air 41, gpu-liquid and gb200 125", min: 0.1, max: 500, doc: "Electric power of one rack at full utilisation with fans at design speed."},
	{path: "racks.idle_frac", kind: kNumber, def: "cpu 0.35, gpu 0.25", min: 0, max: 1, doc: "Idle power over peak power of the compute part (typical 0.3–0.6 for servers)."},
	{path: "racks.curve", kind: kEnum, def: `cpu "concave", gpu "linear"`, enum: []string{"linear", "concave"}, doc: "Power between idle and peak: linear in utilisation, or concave 2u − u^1.4 (Fan, Weber & Barroso 2007)."},
	{path: "racks.fan_frac", kind: kNumber, def: "cpu 0.08, gpu-air 0.12, gpu-liquid and gb200 0.03", min: 0, max: 0.5, doc: "Share of peak power drawn by server fans at design speed."},
	{path: "racks.fan_min_speed_frac", kind: kNumber, def: "0.4", min: 0, max: 1, doc: "Fan speed at idle as a fraction of design speed; speed rises linearly with utilisation."},
	{path: "racks.fan_ramp_c", kind: kNumber, unit: "°C", def: "27", min: 10, max: 45, doc: "Rack inlet temperature above which server fans speed up."},
	{path: "racks.fan_speed_per_k", kind: kNumber, unit: "1/K", def: "0.05", min: 0, max: 0.5, doc: "Fractional fan-speed increase per K of inlet above fan_ramp_c (fan power goes with its cube)."},
	{path: "racks.fan_max_boost", kind: kNumber, def: "1.6", min: 1, max: 3, doc: "Cap on that speed-up factor."},
	{path: "racks.liquid_frac", kind: kNumber, def: "cpu 0, gpu-air 0, gpu-liquid and gb200 0.9", min: 0, max: 1, doc: "Share of the non-fan heat captured by direct-to-chip liquid cooling (85–95 % is typical)."},
	{path: "racks.inlet_spread_k", kind: kNumber, unit: "K", def: "2", min: 0, max: 15, doc: "Rack inlets run 0 to this much above the supply air (recirculation)."},
	{path: "racks.util_bias_sd", kind: kNumber, def: "0.05", min: 0, max: 0.5, doc: "Standard deviation of each rack's static utilisation offset from the group's."},
	{path: "racks.util_noise_sd", kind: kNumber, def: "cpu 0.05, gpu 0.02", min: 0, max: 0.5, doc: "Standard deviation of each rack's fluctuating utilisation (AR(1))."},
	{path: "racks.util_noise_tau", kind: kDuration, def: `"30m"`, doc: "Correlation time of that fluctuation."},

	{path: "racks.workload", kind: kTable, doc: "The group's mean utilisation over time."},
	{path: "racks.workload.kind", kind: kEnum, def: `cpu "diurnal", gpu "training"`, enum: []string{"constant", "diurnal", "weekly", "training", "trace"}, doc: "constant, diurnal (daily cycle), weekly (daily cycle, lower at weekends), training (AI training job: checkpoints and interruptions), trace (a file)."},
	{path: "racks.workload.mean", kind: kNumber, def: "0.6", min: 0, max: 1, doc: "Mean utilisation (constant, diurnal; weekdays for weekly)."},
	{path: "racks.workload.amplitude", kind: kNumber, def: "0.1", min: 0, max: 0.5, doc: "Amplitude of the daily cycle (diurnal, weekly)."},
	{path: "racks.workload.peak_hour", kind: kNumber, unit: "h", def: "15", min: 0, max: 24, doc: "Local hour of the daily peak (diurnal, weekly)."},
	{path: "racks.workload.weekend_mean", kind: kNumber, def: "mean − 0.1", min: 0, max: 1, doc: "Mean utilisation on Saturdays and Sundays (weekly)."},
	{path: "racks.workload.busy_util", kind: kNumber, def: "0.92", min: 0, max: 1, doc: "Utilisation while the job computes (training)."},
	{path: "racks.workload.checkpoint_every", kind: kDuration, def: `"10m"`, doc: "Running time between checkpoints (training)."},
	{path: "racks.workload.checkpoint_length", kind: kDuration, def: `"20s"`, doc: "Time the job waits for a checkpoint write (training)."},
	{path: "racks.workload.checkpoint_util", kind: kNumber, def: "0.1", min: 0, max: 1, doc: "Utilisation during a checkpoint (training)."},
	{path: "racks.workload.interrupts_per_day", kind: kNumber, unit: "1/d", def: "2.5", min: 0, max: 100, doc: "Job interruptions per day (training). Llama 3 pre-training saw 8.6 a day on 16,384 GPUs (Dubey et al. 2024); the default scales that to about 5,000 GPUs."},
	{path: "racks.workload.interrupt_length", kind: kDuration, def: `"5m"`, doc: "Time from an interruption until the job runs again (training)."},
	{path: "racks.workload.idle_util", kind: kNumber, def: "0", min: 0, max: 1, doc: "Utilisation while the job is down (training)."},
	{path: "racks.workload.file", kind: kPath, def: "required (trace)", doc: "CSV of hourly utilisation 0..1, time-stamped or one row per hour from the period start (trace)."},
	{path: "racks.workload.column", kind: kString, def: "the only value column", doc: "Column of the file to read (trace)."},
	{path: "racks.workload.wrap", kind: kBool, def: "false", doc: "Reuse the trace when it does not cover the period: untimed traces repeat, time-stamped ones map by month, day and hour (trace)."},

	{path: "power", kind: kTable, doc: "The electrical chain: utility transformer → UPS → PDU → racks; losses by the no-load, proportional and square-law model of Rasmussen (White Paper 113)."},
	{path: "power.ups_capacity_kw", kind: kNumber, unit: "kW", def: "1.5 × rack nameplate", min: 1, max: 1e7, doc: "Total rating of the UPS modules that share the load (2N: both sides)."},
	{path: "power.ups_no_load_frac", kind: kNumber, def: "0.010", min: 0, max: 0.1, doc: "UPS no-load loss, fraction of the rating."},
	{path: "power.ups_proportional_frac", kind: kNumber, def: "0.015", min: 0, max: 0.1, doc: "UPS loss proportional to load, fraction of the load."},
	{path: "power.ups_square_frac", kind: kNumber, def: "0.010", min: 0, max: 0.1, doc: "UPS square-law loss at full rating, fraction of the rating."},
	{path: "power.pdu_capacity_kw", kind: kNumber, unit: "kW", def: "1.5 × rack nameplate", min: 1, max: 1e7, doc: "Total rating of the PDUs."},
	{path: "power.pdu_no_load_frac", kind: kNumber, def: "0.004", min: 0, max: 0.1, doc: "PDU no-load loss, fraction of the rating."},
	{path: "power.pdu_proportional_frac", kind: kNumber, def: "0", min: 0, max: 0.1, doc: "PDU proportional loss, fraction of the load."},
	{path: "power.pdu_square_frac", kind: kNumber, def: "0.012", min: 0, max: 0.1, doc: "PDU square-law loss at full rating, fraction of the rating."},
	{path: "power.transformer_capacity_kw", kind: kNumber, unit: "kW", def: "2.5 × rack nameplate", min: 1, max: 1e7, doc: "Total rating of the utility transformers (2N, each for 1.25 × nameplate, by default)."},
	{path: "power.transformer_no_load_frac", kind: kNumber, def: "0.0006", min: 0, max: 0.1, doc: "Transformer no-load (core) loss, fraction of the rating."},
	{path: "power.transformer_proportional_frac", kind: kNumber, def: "0", min: 0, max: 0.1, doc: "Transformer proportional loss, fraction of the load."},
	{path: "power.transformer_square_frac", kind: kNumber, def: "0.007", min: 0, max: 0.1, doc: "Transformer load (copper) loss at full rating, fraction of the rating."},
	{path: "power.lighting_kw", kind: kNumber, unit: "kW", def: "0.5 % of rack nameplate", min: 0, max: 1e6, doc: "Lighting and small power inside the conditioned space (a cooling load)."},
	{path: "power.office_kw", kind: kNumber, unit: "kW", def: "1 % of rack nameplate", min: 0, max: 1e6, doc: "Offices and other loads with their own air conditioning, included."},

	{path: "cooling", kind: kTable, doc: "The cooling plant."},
	{path: "cooling.kind", kind: kEnum, def: `"chilled-water"`, enum: coolingKinds, doc: "chilled-water: CRAHs and CDUs on a chilled-water loop, water-cooled chillers, open cooling towers, optional waterside economizer. air-cooled-chiller: CRAHs and CDUs on chilled water from air-cooled chillers. liquid: CDUs on a facility-water loop (dry coolers or towers, trim chiller, heat reuse), the residual air heat by CRAHs on air-cooled chilled water. airside-economizer: outdoor air with direct evaporative cooling and a chilled-water trim coil. indirect-evaporative: indirect evaporative coolers with a trim coil. See \"Cooling designs\"; sections that do not apply to the kind are errors."},
	{path: "cooling.crah", kind: kTable, doc: "Computer-room air handlers."},
	{path: "cooling.crah.supply_air_c", kind: kNumber, unit: "°C", def: "22", min: 10, max: 35, doc: "Supply (cold-aisle) air set point."},
	{path: "cooling.crah.return_air_c", kind: kNumber, unit: "°C", def: "34", min: 15, max: 60, doc: "Design return (hot-aisle) air temperature; sets the air flow per kW."},
	{path: "cooling.crah.units", kind: kInt, def: "autosized: 1.2 × design air heat", min: 1, max: 100000, doc: "Number of units; all run, sharing the air flow."},
	{path: "cooling.crah.unit_airflow_m3s", kind: kNumber, unit: "m³/s", def: "12", min: 0.1, max: 200, doc: "Air flow of one unit at full fan speed."},
	{path: "cooling.crah.unit_fan_kw", kind: kNumber, unit: "kW", def: "0.9 per m³/s of unit_airflow_m3s", min: 0, max: 500, doc: "Fan power of one unit at full speed; at part speed it falls with the cube of speed."},
	{path: "cooling.crah.min_speed_frac", kind: kNumber, def: "0.3", min: 0, max: 1, doc: "Lowest fan speed."},
	{path: "cooling.cdu", kind: kTable, doc: "Coolant distribution units for liquid-cooled racks."},
	{path: "cooling.cdu.capacity_kw", kind: kNumber, unit: "kW", def: "autosized: 1.2 × design liquid heat", min: 0, max: 1e7, doc: "Heat the CDUs transfer at full flow."},
	{path: "cooling.cdu.pump_kw", kind: kNumber, unit: "kW", def: "8 per MW of capacity_kw", min: 0, max: 1e5, doc: "Secondary-loop pump power at full flow."},
	{path: "cooling.cdu.min_speed_frac", kind: kNumber, def: "0.3", min: 0, max: 1, doc: "Lowest pump speed."},
	{path: "cooling.chilled_water", kind: kTable, doc: "The variable-primary chilled-water loop."},
	{path: "cooling.chilled_water.supply_c", kind: kNumber, unit: "°C", def: "10", min: 4, max: 25, doc: "Chilled-water supply set point."},
	{path: "cooling.chilled_water.delta_t_k", kind: kNumber, unit: "K", def: "6", min: 2, max: 15, doc: "Design return minus supply."},
	{path: "cooling.chilled_water.pump_kw", kind: kNumber, unit: "kW", def: "design flow × 300 kPa / 0.75", min: 0, max: 1e5, doc: "Pump power at design flow (the chillers' total capacity at delta_t_k)."},
	{path: "cooling.chilled_water.min_flow_frac", kind: kNumber, def: "0.3", min: 0.05, max: 1, doc: "Lowest flow, fraction of design."},
	{path: "cooling.chilled_water.static_head_frac", kind: kNumber, def: "0.25", min: 0, max: 1, doc: "Share of the design head held at any flow (differential-pressure set point)."},
	{path: "cooling.chillers", kind: kTable, doc: "Water-cooled chillers on the DOE-2 electric EIR model."},
	{path: "cooling.chillers.count", kind: kInt, def: "autosized: N+1", min: 1, max: 1000, doc: "Number of chillers installed; all may run."},
	{path: "cooling.chillers.capacity_kw", kind: kNumber, unit: "kW", def: "3500", min: 10, max: 30000, doc: "Reference capacity of one chiller."},
	{path: "cooling.chillers.cop", kind: kNumber, def: "that of the curve set", min: 2, max: 12, doc: "Reference COP."},
	{path: "cooling.chillers.curves", kind: kEnum, def: `"doe2-centrifugal"`, enum: []string{"doe2-centrifugal", "mcquay-pfh"}, doc: "Performance curves: DOE-2 centrifugal (COP 5.5) or McQuay PFH (COP 6.03), from the EnergyPlus chiller dataset."},
	{path: "cooling.chillers.stage_plr", kind: kNumber, def: "0.9", min: 0.3, max: 1, doc: "Part-load ratio above which another chiller starts."},
	{path: "cooling.condenser", kind: kTable, doc: "The condenser-water loop."},
	{path: "cooling.condenser.delta_t_k", kind: kNumber, unit: "K", def: "5.6", min: 2, max: 15, doc: "Design range; one constant-speed pump per chiller carries that chiller's design condenser heat at this range."},
	{path: "cooling.condenser.pump_kw", kind: kNumber, unit: "kW", def: "pump flow × 200 kPa / 0.75", min: 0, max: 1e4, doc: "Power of one condenser pump."},
	{path: "cooling.condenser.setpoint_c", kind: kNumber, unit: "°C", def: "24", min: 10, max: 40, doc: "Condenser water the towers aim for while chillers run."},
	{path: "cooling.towers", kind: kTable, doc: "Open cooling towers (YorkCalc approach model, variable-speed fans)."},
	{path: "cooling.towers.cells", kind: kInt, def: "one per chiller", min: 1, max: 1000, doc: "Number of cells."},
	{path: "cooling.towers.cell_capacity_kw", kind: kNumber, unit: "kW", def: "1.15 × one chiller's design condenser heat", min: 10, max: 50000, doc: "Nominal capacity of one cell at 25.6 °C wet bulb, 35 → 29.4 °C."},
	{path: "cooling.towers.fan_kw", kind: kNumber, unit: "kW", def: "0.011 × cell_capacity_kw", min: 0, max: 1000, doc: "Fan power of one cell at full speed."},
	{path: "cooling.towers.min_fan_speed_frac", kind: kNumber, def: "0.2", min: 0.05, max: 1, doc: "Lowest fan speed."},
	{path: "cooling.towers.design_lg", kind: kNumber, def: "1.2", min: 0.3, max: 3, doc: "Water-to-air mass-flow ratio at design; sets the air flow of the evaporation balance."},
	{path: "cooling.towers.drift_pct", kind: kNumber, unit: "%", def: "0.008", min: 0, max: 0.5, doc: "Drift loss, % of the design circulating flow at full fan speed."},
	{path: "cooling.towers.cycles", kind: kNumber, def: "4", min: 1.1, max: 20, doc: "Cycles of concentration of the tower water (3–5 typical); sets blowdown."},
	{path: "cooling.economizer", kind: kTable, doc: "Waterside economizer: a plate heat exchanger between tower water and chilled-water return."},
	{path: "cooling.economizer.enabled", kind: kBool, def: "true", doc: "Whether the plant has one."},
	{path: "cooling.economizer.approach_k", kind: kNumber, unit: "K", def: "1.5", min: 0.5, max: 10, doc: "Heat-exchanger approach."},

	{path: "grid", kind: kTable, doc: "The grid: carbon intensity (exactly one of carbon_g_per_kwh and carbon_file), water intensity and the connection."},
	{path: "grid.carbon_g_per_kwh", kind: kNumber, unit: "gCO2/kWh", def: "required (or carbon_file)", min: 0, max: 2000, doc: "A constant intensity."},
	{path: "grid.carbon_file", kind: kPath, def: "required (or carbon_g_per_kwh)", doc: "Hourly intensity: a time,value CSV, or a fuel-mix file (EIA-930 or the generic *_mw layout) from which carbon and water intensities follow, relative to the site file."},
	{path: "grid.wrap", kind: kBool, def: "false", doc: "Map a series that does not cover the period onto it by month, day and hour."},
	{path: "grid.max_fill_h", kind: kInt, unit: "h", def: "24", min: 0, max: 168, doc: "Longest run of missing hours filled by interpolation (each fill is reported)."},
	{path: "grid.limit_kw", kind: kNumber, unit: "kW", def: "no limit", min: 0, max: 1e7, doc: "Interconnection limit: the grid draw never exceeds it; above it the battery discharges, flexible IT is shed, and what remains is reported as unserved."},
	{path: "grid.flexible_it_frac", kind: kNumber, def: "0", min: 0, max: 1, doc: "Share of the IT load that may be shed at the limit or in an outage, with the cooling and losses it causes."},
	{path: "grid.water_consumption_l_per_kwh", kind: kNumber, unit: "L/kWh", def: "from the fuel mix; else unknown", min: 0, max: 100, doc: "Water evaporated at the power plants per kWh of grid electricity, when no fuel-mix file is given."},
	{path: "grid.water_withdrawal_l_per_kwh", kind: kNumber, unit: "L/kWh", def: "unknown", min: 0, max: 1000, doc: "Water withdrawn at the power plants per kWh of grid electricity, when no fuel-mix file is given."},
	{path: "grid.cfe_frac", kind: kNumber, def: "from the fuel mix; else 0", min: 0, max: 1, doc: "Carbon-free share of grid generation, when no fuel-mix file is given (for the hourly CFE match)."},
	{path: "grid.water_stress_factor", kind: kNumber, def: "water.stress_factor", min: 0, max: 100, doc: "Water-stress weight of the power plants' water (for scarcity-weighted water)."},
	{path: "grid.residual_mix_g_per_kwh", kind: kNumber, unit: "gCO2/kWh", def: "not given: no market-based figure", min: 0, max: 2000, doc: "Residual-mix intensity of the grid energy no contractual instrument covers, for the market-based CO2 (GHG Protocol Scope 2), e.g. from the AIB European Residual Mixes."},
	{path: "grid.go_frac", kind: kNumber, def: "0", min: 0, max: 1, doc: "Share of the grid energy covered by guarantees of origin (or renewable energy certificates) retired for the site: renewable for REF, zero-emission for the market-based CO2."},
	{path: "grid.source", kind: kString, def: "none (typed values are reported as unsourced)", doc: "Where the values typed in [grid] come from (carbon_g_per_kwh, cfe_frac, water factors, residual_mix_g_per_kwh, go_frac); shown in the report."},
	{path: "grid.factors", kind: kTable, doc: "Per-fuel factors of a fuel-mix file, overriding the built-in ones (see Grid mix and off-site water)."},
	{path: "grid.factors.wind_carbon_g_per_kwh", kind: kNumber, unit: "gCO2e/kWh", def: "11", min: 0, max: 2000, doc: "Life-cycle carbon of wind generation."},
	{path: "grid.factors.solar_carbon_g_per_kwh", kind: kNumber, unit: "gCO2e/kWh", def: "48", min: 0, max: 2000, doc: "Life-cycle carbon of solar generation."},
	{path: "grid.factors.hydro_carbon_g_per_kwh", kind: kNumber, unit: "gCO2e/kWh", def: "24", min: 0, max: 2000, doc: "Life-cycle carbon of hydro generation."},
	{path: "grid.factors.oil_carbon_g_per_kwh", kind: kNumber, unit: "gCO2e/kWh", def: "720", min: 0, max: 2000, doc: "Life-cycle carbon of oil generation."},
	{path: "grid.factors.gas_carbon_g_per_kwh", kind: kNumber, unit: "gCO2e/kWh", def: "490", min: 0, max: 2000, doc: "Life-cycle carbon of gas generation."},
	{path: "grid.factors.coal_carbon_g_per_kwh", kind: kNumber, unit: "gCO2e/kWh", def: "820", min: 0, max: 2000, doc: "Life-cycle carbon of coal generation."},
	{path: "grid.factors.nuclear_carbon_g_per_kwh", kind: kNumber, unit: "gCO2e/kWh", def: "12", min: 0, max: 2000, doc: "Life-cycle carbon of nuclear generation."},
	{path: "grid.factors.other_carbon_g_per_kwh", kind: kNumber, unit: "gCO2e/kWh", def: "230", min: 0, max: 2000, doc: "Life-cycle carbon of other generation."},
	{path: "grid.factors.wind_consumption_l_per_mwh", kind: kNumber, unit: "L/MWh", def: "0", min: 0, max: 100000, doc: "Water consumed per MWh of wind generation."},
	{path: "grid.factors.solar_consumption_l_per_mwh", kind: kNumber, unit: "L/MWh", def: "0", min: 0, max: 100000, doc: "Water consumed per MWh of solar generation."},
	{path: "grid.factors.hydro_consumption_l_per_mwh", kind: kNumber, unit: "L/MWh", def: "0", min: 0, max: 100000, doc: "Water consumed per MWh of hydro generation."},
	{path: "grid.factors.oil_consumption_l_per_mwh", kind: kNumber, unit: "L/MWh", def: "1325", min: 0, max: 100000, doc: "Water consumed per MWh of oil generation."},
	{path: "grid.factors.gas_consumption_l_per_mwh", kind: kNumber, unit: "L/MWh", def: "1136", min: 0, max: 100000, doc: "Water consumed per MWh of gas generation."},
	{path: "grid.factors.coal_consumption_l_per_mwh", kind: kNumber, unit: "L/MWh", def: "1703", min: 0, max: 100000, doc: "Water consumed per MWh of coal generation."},
	{path: "grid.factors.nuclear_consumption_l_per_mwh", kind: kNumber, unit: "L/MWh", def: "2271", min: 0, max: 100000, doc: "Water consumed per MWh of nuclear generation."},
	{path: "grid.factors.other_consumption_l_per_mwh", kind: kNumber, unit: "L/MWh", def: "1798", min: 0, max: 100000, doc: "Water consumed per MWh of other generation."},
	{path: "grid.factors.wind_withdrawal_l_per_mwh", kind: kNumber, unit: "L/MWh", def: "unknown", min: 0, max: 1000000, doc: "Water withdrawn per MWh of wind generation; give all eight for off-site withdrawal."},
	{path: "grid.factors.solar_withdrawal_l_per_mwh", kind: kNumber, unit: "L/MWh", def: "unknown", min: 0, max: 1000000, doc: "Water withdrawn per MWh of solar generation; give all eight for off-site withdrawal."},
	{path: "grid.factors.hydro_withdrawal_l_per_mwh", kind: kNumber, unit: "L/MWh", def: "unknown", min: 0, max: 1000000, doc: "Water withdrawn per MWh of hydro generation; give all eight for off-site withdrawal."},
	{path: "grid.factors.oil_withdrawal_l_per_mwh", kind: kNumber, unit: "L/MWh", def: "unknown", min: 0, max: 1000000, doc: "Water withdrawn per MWh of oil generation; give all eight for off-site withdrawal."},
	{path: "grid.factors.gas_withdrawal_l_per_mwh", kind: kNumber, unit: "L/MWh", def: "unknown", min: 0, max: 1000000, doc: "Water withdrawn per MWh of gas generation; give all eight for off-site withdrawal."},
	{path: "grid.factors.coal_withdrawal_l_per_mwh", kind: kNumber, unit: "L/MWh", def: "unknown", min: 0, max: 1000000, doc: "Water withdrawn per MWh of coal generation; give all eight for off-site withdrawal."},
	{path: "grid.factors.nuclear_withdrawal_l_per_mwh", kind: kNumber, unit: "L/MWh", def: "unknown", min: 0, max: 1000000, doc: "Water withdrawn per MWh of nuclear generation; give all eight for off-site withdrawal."},
	{path: "grid.factors.other_withdrawal_l_per_mwh", kind: kNumber, unit: "L/MWh", def: "unknown", min: 0, max: 1000000, doc: "Water withdrawn per MWh of other generation; give all eight for off-site withdrawal."},

	{path: "water", kind: kTable, doc: "Where the site's water comes from and how scarce it is there."},
	{path: "water.stress_factor", kind: kNumber, def: "not given", min: 0, max: 100, doc: "Water-stress weight of the site's catchment (e.g. mapped from WRI Aqueduct baseline water stress); weights water consumption."},
	{path: "water.potable_frac", kind: kNumber, def: "1 − reclaimed_frac", min: 0, max: 1, doc: "Share of the withdrawal that is potable (drinking-quality) water."},
	{path: "water.reclaimed_frac", kind: kNumber, def: "0", min: 0, max: 1, doc: "Share of the withdrawal that is reclaimed (recycled) water; the rest is other (e.g. groundwater, rain)."},
	{path: "water.source", kind: kString, def: "none (typed stress factors are reported as unsourced)", doc: "Where the water-stress factors and the source split come from (e.g. WRI Aqueduct 4.0 baseline water stress); shown in the report."},

	{path: "pv", kind: kTable, doc: "On-site solar PV (PVWatts v5 losses, temperature coefficient and inverter curve; isotropic sky, NOCT cell temperature); needs an EPW weather file with irradiance."},
	{path: "pv.capacity_kw", kind: kNumber, unit: "kW", def: "required", min: 0, max: 1e7, doc: "DC nameplate at 1000 W/m² and 25 °C."},
	{path: "pv.tilt_deg", kind: kNumber, unit: "°", def: "latitude, at most 40", min: 0, max: 90, doc: "Tilt from horizontal."},
	{path: "pv.azimuth_deg", kind: kNumber, unit: "°", def: "facing the equator", min: 0, max: 360, doc: "Direction the array faces, clockwise from north (180 = south)."},
	{path: "pv.losses_pct", kind: kNumber, unit: "%", def: "14", min: 0, max: 90, doc: "DC system losses: soiling, shading, wiring, mismatch, ageing (PVWatts default)."},
	{path: "pv.inverter_eff", kind: kNumber, def: "0.96", min: 0.5, max: 1, doc: "Nominal inverter efficiency."},
	{path: "pv.dc_ac_ratio", kind: kNumber, def: "1.2", min: 0.5, max: 3, doc: "DC nameplate over inverter AC rating; output clips at the AC rating."},
	{path: "pv.albedo", kind: kNumber, def: "0.2", min: 0, max: 1, doc: "Ground reflectance."},

	{path: "battery", kind: kTable, doc: "A battery energy store."},
	{path: "battery.energy_kwh", kind: kNumber, unit: "kWh", def: "required", min: 0, max: 1e8, doc: "Nameplate energy."},
	{path: "battery.power_kw", kind: kNumber, unit: "kW", def: "required", min: 0, max: 1e7, doc: "Largest charge or discharge power."},
	{path: "battery.round_trip_eff", kind: kNumber, def: "0.88", min: 0.3, max: 1, doc: "AC round-trip efficiency, split evenly between charge and discharge."},
	{path: "battery.min_soc_frac", kind: kNumber, def: "0.1", min: 0, max: 1, doc: "Lowest state of charge."},
	{path: "battery.max_soc_frac", kind: kNumber, def: "0.9", min: 0, max: 1, doc: "Highest state of charge."},
	{path: "battery.initial_soc_frac", kind: kNumber, def: "max_soc_frac", min: 0, max: 1, doc: "State of charge at the start."},
	{path: "battery.dispatch", kind: kEnum, def: `"peak-shave"`, enum: []string{"peak-shave", "carbon"}, doc: "peak-shave: discharge above the threshold, recharge below it; carbon: also charge in each day's cleanest hours and discharge in its dirtiest."},
	{path: "battery.peak_shave_kw", kind: kNumber, unit: "kW", def: "grid.limit_kw", min: 0, max: 1e7, doc: "Grid draw above which the battery discharges."},

	{path: "generator", kind: kTable, doc: "Standby diesel generators: they carry the site in utility outages and run monthly tests."},
	{path: "generator.capacity_kw", kind: kNumber, unit: "kW", def: "required", min: 0, max: 1e7, doc: "Total rating of the sets."},
	{path: "generator.test_h_per_month", kind: kInt, unit: "h", def: "1", min: 0, max: 24, doc: "Monthly test run on a load bank, in whole hours from 10:00 on the first day of each month."},
	{path: "generator.test_load_frac", kind: kNumber, def: "0.3", min: 0, max: 1, doc: "Test load, fraction of the rating."},

	{path: "clean_supply", kind: kTable, doc: "Contracted clean supply (a PPA): exactly one of kw and file."},
	{path: "clean_supply.kw", kind: kNumber, unit: "kW", def: "required (or file)", min: 0, max: 1e7, doc: "A constant delivery."},
	{path: "clean_supply.file", kind: kPath, def: "required (or kw)", doc: "Hourly delivery, kW: a time,value CSV, relative to the site file."},
	{path: "clean_supply.wrap", kind: kBool, def: "false", doc: "Map a file that does not cover the period onto it by month, day and hour."},
	{path: "clean_supply.renewable", kind: kBool, def: "true", doc: "Whether the contracted supply is renewable (wind, solar, hydro): only then does it count toward REF. A nuclear contract is carbon-free but not renewable."},
	{path: "clean_supply.source", kind: kString, def: "none (reported as an unsourced input)", doc: "The contract behind the supply; shown in the report."},

	{path: "tariff", kind: kTable, doc: "Prices, for the operating cost."},
	{path: "tariff.currency", kind: kString, def: `"USD"`, doc: "Currency of every price (a label)."},
	{path: "tariff.energy_per_kwh", kind: kNumber, unit: "/kWh", def: "0", min: 0, max: 100, doc: "Flat energy price, and the price outside every time-of-use period."},
	{path: "tariff.price_file", kind: kPath, def: "none", doc: "Hourly energy price per kWh: a time,value CSV; replaces energy_per_kwh and the periods."},
	{path: "tariff.price_wrap", kind: kBool, def: "false", doc: "Map a price file that does not cover the period onto it by month, day and hour."},
	{path: "tariff.demand_per_kw_month", kind: kNumber, unit: "/kW", def: "0", min: 0, max: 1000, doc: "Demand charge on each calendar month's largest step-mean grid draw."},
	{path: "tariff.water_per_m3", kind: kNumber, unit: "/m³", def: "0", min: 0, max: 1000, doc: "Water charge on withdrawal."},
	{path: "tariff.sewer_per_m3", kind: kNumber, unit: "/m³", def: "0", min: 0, max: 1000, doc: "Sewer charge on discharge (blowdown)."},
	{path: "tariff.fuel_per_l", kind: kNumber, unit: "/L", def: "0", min: 0, max: 100, doc: "Generator diesel price."},
	{path: "tariff.tou", kind: kTables, doc: "Time-of-use periods ([[tariff.tou]]); the first that contains an hour sets its price."},
	{path: "tariff.tou.start_h", kind: kInt, unit: "h", def: "required", min: 0, max: 24, doc: "First hour of the period, local standard time."},
	{path: "tariff.tou.end_h", kind: kInt, unit: "h", def: "required", min: 0, max: 24, doc: "Hour the period ends; below start_h it runs past midnight."},
	{path: "tariff.tou.days", kind: kEnum, def: `"all"`, enum: []string{"all", "weekdays", "weekends"}, doc: "Days the period applies on."},
	{path: "tariff.tou.first_month", kind: kInt, def: "every month", min: 1, max: 12, doc: "First month of the period (1 = January); with last_month."},
	{path: "tariff.tou.last_month", kind: kInt, def: "every month", min: 1, max: 12, doc: "Last month of the period; below first_month it runs past December."},
	{path: "tariff.tou.price_per_kwh", kind: kNumber, unit: "/kWh", def: "required", min: 0, max: 100, doc: "Energy price in the period."},

	{path: "thermal", kind: kTable, doc: "Rack-inlet limits and the hall's thermal mass, which stores the heat the plant cannot remove: the room warms instead of the load vanishing."},
	{path: "thermal.class", kind: kEnum, def: `"A1"`, enum: []string{"A1", "A2", "A3", "A4"}, doc: "ASHRAE TC 9.9 (2021) class of the IT equipment: recommended inlet 18–27 °C for all; allowable A1 15–32, A2 10–35, A3 5–40, A4 5–45 °C."},
	{path: "thermal.room_volume_m3", kind: kNumber, unit: "m³", def: "12 per rack", min: 0, max: 1e8, doc: "Air volume of the hall (about 3 m² of floor per rack with its aisles, 4 m high)."},
	{path: "thermal.air_capacitance_multiplier", kind: kNumber, def: "1", min: 1, max: 50, doc: "Multiplies the room air's heat capacity for furniture, floor and structure that follow its temperature (EnergyPlus's zone capacitance multiplier)."},
	{path: "thermal.it_mass_kg", kind: kNumber, unit: "kg", def: "per rack: cpu 600, gpu-air 700, gpu-liquid 1360", min: 0, max: 1e9, doc: "Mass of the IT equipment and cabinets, taken at the room air's temperature."},
	{path: "thermal.it_specific_heat_kj_per_kgk", kind: kNumber, unit: "kJ/(kg·K)", def: "0.5", min: 0.1, max: 2, doc: "Mean specific heat of that mass: steel 0.43–0.49, aluminium 0.90, copper 0.39 (Incropera & DeWitt, table A.1)."},
	{path: "thermal.chw_loop_m3", kind: kNumber, unit: "m³", def: "5.4 L per kW of chiller capacity (5 US gal/ton)", min: 0, max: 1e6, doc: "Water in the chilled-water loop: pipes, coils, chiller barrels."},
	{path: "thermal.tank_m3", kind: kNumber, unit: "m³", def: "0", min: 0, max: 1e6, doc: "Chilled-water storage tank on the loop, taken as fully mixed with it."},
	{path: "thermal.liquid_loop_m3", kind: kNumber, unit: "m³", def: "0.5 L per kW of CDU capacity", min: 0, max: 1e6, doc: "Coolant in the secondary loops of liquid-cooled racks (taken as water)."},
	{path: "thermal.coil_approach_k", kind: kNumber, unit: "K", def: "4 (at most supply air − chilled water)", min: 0.5, max: 20, doc: "Supply air minus entering chilled water at the CRAH coils: the water can warm to supply air − approach before the air warms."},
	{path: "thermal.shutdown_inlet_c", kind: kNumber, unit: "°C", def: "50", min: 30, max: 80, doc: "Warmest rack inlet at which the IT equipment is taken to shut down: heat beyond it is not stored, and a warning says so. An assumption, not a standard's figure."},

	{path: "resilience", kind: kTable, doc: "Redundancy of the plant and what rides on the UPS."},
	{path: "resilience.redundancy", kind: kEnum, def: `"N+1"`, enum: []string{"N", "N+1", "N+2", "2N"}, doc: "Spare chillers when cooling.chillers.count or cooling.air_cooled_chillers.count is autosized (and, for the chilled-water plant, tower cells, one per chiller, unless given): N none, N+1 one, N+2 two, 2N as many again."},
	{path: "resilience.chw_pumps_on_ups", kind: kBool, def: "false", doc: "The chilled-water pumps are UPS-fed, so the loop's water (and a tank) keeps absorbing heat while utility power is lost. CRAH fans and CDU pumps are always taken as UPS-fed."},

	{path: "resilience.chiller_mtbf_h", kind: kNumber, unit: "h", def: "0 (none)", min: 0, max: 1e7, doc: "Mean time between failures of one chiller: each fails at random (exponential times, seeded), besides the [[event]] list. Give chiller_mttr_h with it."},
	{path: "resilience.chiller_mttr_h", kind: kNumber, unit: "h", def: "0 (none)", min: 0, max: 1e5, doc: "Mean time to repair a failed chiller."},
	{path: "resilience.rejection_mtbf_h", kind: kNumber, unit: "h", def: "0 (none)", min: 0, max: 1e7, doc: "Mean time between failures of one heat-rejection unit (tower cell, dry cooler)."},
	{path: "resilience.rejection_mttr_h", kind: kNumber, unit: "h", def: "0 (none)", min: 0, max: 1e5, doc: "Mean time to repair a failed heat-rejection unit."},

	{path: "event", kind: kTables, doc: "Failures, maintenance and outages ([[event]]) to simulate; each reports its ride-through."},
	{path: "event.kind", kind: kEnum, def: "required", enum: thermal.KindNames(), doc: "chiller-trip, cooler-trip (heat-rejection units: tower cells, dry coolers), tower-out (cells out for maintenance), utility-outage, water-interruption (no make-up water: open towers cannot reject heat)."},
	{path: "event.start", kind: kDate, def: "required", doc: "When it begins, a date-time in the site's standard time, within the period; it need not fall on a step."},
	{path: "event.duration", kind: kDuration, def: "required", doc: "How long the equipment, the utility or the water stays out."},
	{path: "event.units", kind: kInt, def: "1", min: 1, max: 1000, doc: "Chillers or heat-rejection units out (trips, tower-out); at most those installed."},
	{path: "event.generator_start", kind: kDuration, def: `"10s"`, doc: "Utility outage: time until the generators carry the load (NFPA 110 Type 10: 10 s); until then only UPS-fed fans and pumps run. Longer than the outage: no generators."},
	{path: "event.chiller_restart", kind: kDuration, def: `"5m"`, doc: "Utility outage: time the chillers need to restart once power returns to them (minutes for conventional centrifugal chillers; less with rapid-restart controls)."},

	{path: "cooling.air_cooled_chillers", kind: kTable, doc: "Air-cooled chillers on the chilled-water loop (kinds air-cooled-chiller, liquid, airside-economizer, indirect-evaporative): EnergyPlus Chiller:Electric:EIR against the outdoor dry bulb, ASHRAE 90.1 Appendix G curves."},
	{path: "cooling.air_cooled_chillers.count", kind: kInt, def: "autosized: N+1 at the 0.4 % dry bulb", min: 0, max: 1000, doc: "Number of chillers."},
	{path: "cooling.air_cooled_chillers.capacity_kw", kind: kNumber, unit: "kW", def: "1000", min: 10, max: 10000, doc: "Reference capacity of one chiller at 6.67 °C leaving water and 35 °C outdoor air."},
	{path: "cooling.air_cooled_chillers.cop", kind: kNumber, def: "3.3", min: 1.5, max: 8, doc: "Reference COP of the compressor (condenser fans apart)."},
	{path: "cooling.air_cooled_chillers.condenser_fan_frac", kind: kNumber, def: "0.03", min: 0, max: 0.2, doc: "Condenser-fan power per kW of available capacity, while the compressor runs."},
	{path: "cooling.air_cooled_chillers.stage_plr", kind: kNumber, def: "0.9", min: 0.3, max: 1, doc: "Part-load ratio above which another chiller starts."},
	{path: "cooling.air_cooled_chillers.free_cooling", kind: kBool, def: "false", doc: "Free-cooling coils ahead of the evaporators pre-cool the chilled-water return with outdoor air when it is cold enough."},
	{path: "cooling.air_cooled_chillers.free_cooling_approach_k", kind: kNumber, unit: "K", def: "5", min: 1, max: 15, doc: "Closest the free-cooling coils bring the water to the outdoor dry bulb (with free_cooling = true)."},

	{path: "cooling.facility_water", kind: kTable, doc: "The facility-water loop between the CDUs and the heat rejection (kinds liquid, airside-economizer, indirect-evaporative, when racks send heat to liquid)."},
	{path: "cooling.facility_water.class", kind: kEnum, def: "the coldest class that allows supply_c; W32 when neither is given", enum: wClassNames(), doc: "ASHRAE liquid-cooling class: the facility supply must stay at or below 17, 27, 32, 40 or 45 °C (W+: above 45 °C, counted against 60 °C)."},
	{path: "cooling.facility_water.supply_c", kind: kNumber, unit: "°C", def: "the class limit minus 2 K", min: 2, max: 70, doc: "Facility-water supply set point; above the class limit is an error."},
	{path: "cooling.facility_water.delta_t_k", kind: kNumber, unit: "K", def: "8", min: 2, max: 20, doc: "Design return minus supply."},
	{path: "cooling.facility_water.pump_kw", kind: kNumber, unit: "kW", def: "design flow × 250 kPa / 0.75", min: 0, max: 1e5, doc: "Pump power at the design flow (the CDUs' capacity at delta_t_k); it falls with the cube of flow."},
	{path: "cooling.facility_water.min_flow_frac", kind: kNumber, def: "0.3", min: 0.05, max: 1, doc: "Lowest flow, fraction of design."},
	{path: "cooling.facility_water.heat_rejection", kind: kEnum, def: `"dry-cooler"`, enum: []string{"dry-cooler", "tower"}, doc: "dry-cooler: [cooling.dry_coolers], optionally adiabatic; tower: open cooling towers, [cooling.towers]."},

	{path: "cooling.dry_coolers", kind: kTable, doc: "Dry coolers on the facility water: crossflow finned coils (ε–NTU), fans by the affinity laws, optional adiabatic pre-cooling pads."},
	{path: "cooling.dry_coolers.units", kind: kInt, def: "autosized: 1.1 × design liquid heat", min: 1, max: 100000, doc: "Number of units."},
	{path: "cooling.dry_coolers.unit_capacity_kw", kind: kNumber, unit: "kW", def: "1000", min: 10, max: 20000, doc: "Heat one unit rejects at its design point: air at design_drybulb_c, water leaving approach_k above it, entering delta_t_k above that."},
	{path: "cooling.dry_coolers.design_drybulb_c", kind: kNumber, unit: "°C", def: "the weather's 0.4 % dry bulb", min: -10, max: 55, doc: "Entering air of the design point."},
	{path: "cooling.dry_coolers.approach_k", kind: kNumber, unit: "K", def: "6", min: 1, max: 30, doc: "Leaving water minus entering air at the design point."},
	{path: "cooling.dry_coolers.fan_kw", kind: kNumber, unit: "kW", def: "0.02 × unit_capacity_kw", min: 0, max: 1000, doc: "Fan power of one unit at full speed."},
	{path: "cooling.dry_coolers.min_speed_frac", kind: kNumber, def: "0.2", min: 0, max: 1, doc: "Lowest fan speed."},
	{path: "cooling.dry_coolers.adiabatic", kind: kBool, def: "false", doc: "Adiabatic pre-cooling pads that wet the entering air when needed."},
	{path: "cooling.dry_coolers.pad_effectiveness", kind: kNumber, def: "0.8", min: 0.1, max: 0.99, doc: "Saturation effectiveness of the pads: dry-bulb drop = ε·(dry bulb − wet bulb)."},
	{path: "cooling.dry_coolers.spray_above_c", kind: kNumber, unit: "°C", def: "only when dry operation cannot hold the supply", min: -10, max: 55, doc: "Dry bulb above which the pads are always wetted."},
	{path: "cooling.dry_coolers.cycles", kind: kNumber, def: "3", min: 1.1, max: 20, doc: "Cycles of concentration of the pad water; bleed = evaporation / (cycles − 1)."},

	{path: "cooling.trim_chiller", kind: kTable, doc: "Air-cooled trim chillers that cool the facility water when the heat rejection cannot reach the set point."},
	{path: "cooling.trim_chiller.count", kind: kInt, def: "autosized: the shortfall at the 0.4 % design day; 0 when none", min: 0, max: 1000, doc: "Number of trim chillers (0: none)."},
	{path: "cooling.trim_chiller.capacity_kw", kind: kNumber, unit: "kW", def: "1000", min: 10, max: 10000, doc: "Reference capacity of one trim chiller."},
	{path: "cooling.trim_chiller.cop", kind: kNumber, def: "3.3", min: 1.5, max: 8, doc: "Reference COP (curves of [cooling.air_cooled_chillers], at the same lift on warm water)."},

	{path: "cooling.airside", kind: kTable, doc: "Air handlers of an airside economizer or of indirect evaporative coolers."},
	{path: "cooling.airside.units", kind: kInt, def: "autosized: 1.2 × design air heat", min: 1, max: 100000, doc: "Number of air handlers; all run, sharing the air flow."},
	{path: "cooling.airside.unit_airflow_m3s", kind: kNumber, unit: "m³/s", def: "25", min: 0.5, max: 200, doc: "Supply air of one unit at full speed."},
	{path: "cooling.airside.unit_fan_kw", kind: kNumber, unit: "kW", def: "1.2 per m³/s of unit_airflow_m3s", min: 0, max: 1000, doc: "Supply-fan power of one unit at full speed (filters, dampers, media)."},
	{path: "cooling.airside.min_speed_frac", kind: kNumber, def: "0.3", min: 0, max: 1, doc: "Lowest fan speed."},
	{path: "cooling.airside.supply_air_c", kind: kNumber, unit: "°C", def: "24", min: 5, max: 45, doc: "Supply air set point; must lie in the envelope's dry-bulb range."},
	{path: "cooling.airside.return_air_c", kind: kNumber, unit: "°C", def: "36", min: 15, max: 60, doc: "Design return air; sets the air flow per kW."},
	{path: "cooling.airside.envelope", kind: kEnum, def: `"A1"`, enum: envelopeNames(), doc: "ASHRAE 2021 envelope limiting the outdoor air: recommended (dew point ≤ 15 °C, RH ≤ 60 %), A1 (17 °C, 80 %), A2 (21 °C, 80 %), A3 (24 °C, 85 %), A4 (24 °C, 90 %)."},
	{path: "cooling.airside.direct_effectiveness", kind: kNumber, def: "0.85", min: 0.1, max: 0.99, doc: "Saturation effectiveness of the direct evaporative media (airside-economizer)."},
	{path: "cooling.airside.wetbulb_effectiveness", kind: kNumber, def: "0.7", min: 0.1, max: 0.99, doc: "Wet-bulb effectiveness of the indirect cooler, wetted (indirect-evaporative)."},
	{path: "cooling.airside.dry_effectiveness", kind: kNumber, def: "0.55", min: 0.1, max: 0.99, doc: "Effectiveness of the indirect cooler's exchanger running dry (indirect-evaporative)."},
	{path: "cooling.airside.secondary_fan_kw", kind: kNumber, unit: "kW", def: "0.6 × unit_fan_kw", min: 0, max: 1000, doc: "Scavenger-fan power of one unit at full speed (indirect-evaporative)."},
	{path: "cooling.airside.secondary_air_ratio", kind: kNumber, def: "1", min: 0.2, max: 3, doc: "Scavenger air over supply air at full speed (indirect-evaporative)."},
	{path: "cooling.airside.cycles", kind: kNumber, def: "3", min: 1.1, max: 20, doc: "Cycles of concentration of the evaporative water; bleed = evaporation / (cycles − 1)."},

	{path: "cooling.heat_reuse", kind: kTable, doc: "Export of heat from the facility-water return to a district-heating or process loop, through a heat pump when the loop needs it warmer."},
	{path: "cooling.heat_reuse.demand_kw", kind: kNumber, unit: "kW", def: "required", min: 1, max: 1e7, doc: "Heat the reuse loop takes while it takes heat."},
	{path: "cooling.heat_reuse.supply_c", kind: kNumber, unit: "°C", def: "70", min: 20, max: 110, doc: "Temperature the reuse loop needs."},
	{path: "cooling.heat_reuse.carnot_frac", kind: kNumber, def: "0.5", min: 0.2, max: 0.8, doc: "Heat-pump COP as a fraction of the Carnot COP (0.45–0.55 typical of large heat pumps)."},
	{path: "cooling.heat_reuse.approach_k", kind: kNumber, unit: "K", def: "3", min: 0, max: 15, doc: "Approach of each heat exchanger (evaporator, condenser)."},
	{path: "cooling.heat_reuse.below_drybulb_c", kind: kNumber, unit: "°C", def: "always", min: -40, max: 60, doc: "The loop takes heat only while the outdoor dry bulb is below this (a heating season)."},
}

// keyIndex maps a path to its keyDoc.
var keyIndex = func() map[string]*keyDoc {
	m := make(map[string]*keyDoc, len(keys))
	for i := range keys {
		m[keys[i].path] = &keys[i]
	}
	return m
}()
