package plots

import (
	"encoding/json"
	"strconv"
	"strings"
)

// KPI is one row of the report's KPI table: where its value is in
// summary.json, what the standards call it, and how to print it.
type KPI struct {
	// Path is the dotted JSON path into summary.json ("energy_kwh.it").
	Path string
	// Name is the indicator's name, with its symbol where a standard gives one.
	Name string
	// Standard names the standard or regulation that defines it, if any.
	Standard string
	// Definition says what the number is.
	Definition string
	// Unit is the printed unit; Scale converts the summary's unit to it.
	Unit  string
	Scale float64
	// Decimals is the number of decimals printed.
	Decimals int
	// Headline marks the figures a reviewer sees first, for every site;
	// Short is their column heading.
	Headline bool
	Short    string
}

// Standards cited in the KPI table.
const (
	iso2    = "ISO/IEC 30134-2 (PUE)"
	iso3    = "ISO/IEC 30134-3 (REF)"
	iso6    = "ISO/IEC 30134-6 (ERF)"
	iso8    = "ISO/IEC 30134-8 (CUE)"
	iso9    = "ISO/IEC 30134-9 (WUE)"
	euKPI   = "EU 2024/1364 Annex II"
	euInd   = "EU 2024/1364 Annex III"
	tggWUE  = "The Green Grid WP 35"
	ashrae  = "ASHRAE TC 9.9 thermal guidelines"
	ashraeW = "ASHRAE TC 9.9 liquid-cooling classes"
)

// KPIs lists the rows of the KPI table in order. A row shows only for the
// sites whose summary.json has its key, so rows for quantities the engine
// does not compute yet simply stay hidden.
var KPIs = []KPI{
	{Path: "energy_kwh.facility", Short: "Facility energy", Name: "Total energy consumption, E<sub>DC</sub>", Standard: euKPI + "; " + iso2, Definition: "All energy the facility used over the period: IT, cooling, power-chain losses, lighting and offices.", Unit: "MWh", Scale: 1e-3, Headline: true},
	{Path: "energy_kwh.it", Short: "IT energy", Name: "IT equipment energy, E<sub>IT</sub>", Standard: euKPI + "; " + iso2, Definition: "Energy delivered to the IT equipment (racks, including server fans).", Unit: "MWh", Scale: 1e-3, Headline: true},
	{Path: "energy_kwh.ups_output", Name: "Energy at the UPS output", Standard: euKPI, Definition: "IT energy plus the PDU losses: the IT energy measured at the UPS output, where the regulation's boundary may be drawn (dctwin measures E<sub>IT</sub> at the racks, after the PDUs).", Unit: "MWh", Scale: 1e-3},
	{Path: "installed_it_kw", Name: "Installed IT power demand, P<sub>DIT</sub>", Standard: euKPI, Definition: "The racks' nameplate: the electric power of every rack at full utilisation.", Unit: "kW", Scale: 1},
	{Path: "energy_kwh.cooling", Name: "Cooling energy", Definition: "Electricity of the cooling plant: air-handler and CDU fans and pumps, chilled-water, condenser and facility-water pumps, chillers, tower, condenser and dry-cooler fans, and heat pumps lifting heat for reuse.", Unit: "MWh", Scale: 1e-3},
	{Path: "energy_kwh.power_loss", Name: "Power-chain losses", Definition: "Losses of UPS, PDU and utility transformer.", Unit: "MWh", Scale: 1e-3},
	{Path: "energy_kwh.other", Name: "Lighting and offices", Definition: "Other facility loads.", Unit: "MWh", Scale: 1e-3},
	{Path: "energy_kwh.grid", Name: "Grid electricity", Definition: "Electricity drawn from the grid.", Unit: "MWh", Scale: 1e-3},
	{Path: "energy_kwh.pv", Name: "On-site renewable electricity (PV), E<sub>RES-OS</sub>", Standard: euKPI, Definition: "Electricity from on-site photovoltaics used by the facility.", Unit: "MWh", Scale: 1e-3},
	{Path: "renewable_kwh.ppa", Name: "Renewable energy through power purchase agreements", Standard: euKPI, Definition: "Contracted clean supply that is renewable (clean_supply.renewable), up to the grid energy drawn.", Unit: "MWh", Scale: 1e-3},
	{Path: "renewable_kwh.guarantees_of_origin", Name: "Renewable energy through guarantees of origin", Standard: euKPI, Definition: "Grid energy covered by guarantees of origin or certificates retired for the site (grid.go_frac), beyond the PPA.", Unit: "MWh", Scale: 1e-3},
	{Path: "renewable_kwh.total", Name: "Total renewable energy, E<sub>RES-TOT</sub>", Standard: euKPI + "; " + iso3, Definition: "On-site renewable electricity plus renewable PPAs plus guarantees of origin.", Unit: "MWh", Scale: 1e-3},
	{Path: "pue", Short: "PUE", Name: "Power usage effectiveness, PUE", Standard: iso2 + "; " + euInd, Definition: "E<sub>DC</sub> / E<sub>IT</sub>: total facility energy per unit of IT energy (1 is ideal).", Unit: "", Scale: 1, Decimals: 3, Headline: true},
	{Path: "wue_l_per_kwh", Short: "WUE", Name: "Water usage effectiveness, WUE", Standard: iso9 + "; " + euInd, Definition: "W<sub>IN</sub> / E<sub>IT</sub>: site water input (withdrawal) per unit of IT energy.", Unit: "L/kWh", Scale: 1, Decimals: 2, Headline: true},
	{Path: "water_l.withdrawal", Short: "Water withdrawal", Name: "Total water input (withdrawal), W<sub>IN</sub>", Standard: euKPI, Definition: "Water taken from the supply: consumption + discharge.", Unit: "m³", Scale: 1e-3, Headline: true},
	{Path: "water_l.consumption", Short: "Water consumption", Name: "Water consumption", Definition: "Water that does not return: evaporation and drift of cooling towers and the evaporation of adiabatic and evaporative coolers (Macknick et al. 2012).", Unit: "m³", Scale: 1e-3, Headline: true},
	{Path: "water_l.discharge", Name: "Water discharge", Definition: "Water returned to the sewer: tower blowdown and the bleed of adiabatic and evaporative coolers.", Unit: "m³", Scale: 1e-3},
	{Path: "water_source_l.potable", Name: "Potable water input, W<sub>IN-POT</sub>", Standard: euKPI, Definition: "The part of the water input drawn from potable supply, from the source split of the site file ([water] potable_frac; all potable unless it says otherwise).", Unit: "m³", Scale: 1e-3},
	{Path: "peak_day_water_withdrawal_l", Short: "Peak-day water withdrawal", Name: "Peak-day water withdrawal", Definition: "The largest withdrawal of one calendar day (site standard time).", Unit: "m³/day", Scale: 1e-3, Decimals: 1, Headline: true},
	{Path: "peak_kw.grid", Short: "Peak grid demand", Name: "Peak grid demand", Definition: "The largest mean grid power over one simulation step.", Unit: "kW", Scale: 1, Headline: true},
	{Path: "peak_kw.it", Name: "Peak IT power", Definition: "The largest mean IT power over one simulation step.", Unit: "kW", Scale: 1},
	{Path: "carbon_kg", Short: "CO₂", Name: "CO₂ emissions (location-based)", Definition: "Grid electricity × the grid's carbon intensity, hour by hour (life-cycle CO₂e where the intensity comes from per-fuel factors, IPCC AR5 Annex III, or from EIA-930-derived averages), plus the CO₂ of the standby generators' diesel (2.697 kg/L, US EPA).", Unit: "t CO₂", Scale: 1e-3, Headline: true},
	{Path: "carbon_market_kg", Name: "CO₂ emissions (market-based)", Standard: "GHG Protocol Scope 2 Guidance", Definition: "Contractual instruments first: the grid electricity not covered by the contracted clean supply or guarantees of origin, times the residual-mix factor the site file gives (grid.residual_mix_g_per_kwh); plus the generators' diesel, as in the location-based row.", Unit: "t CO₂", Scale: 1e-3},
	{Path: "cue_kg_per_kwh", Name: "Carbon usage effectiveness, CUE", Standard: iso8, Definition: "CO₂ of the facility's energy per unit of IT energy.", Unit: "kg CO₂/kWh", Scale: 1, Decimals: 3},
	{Path: "carbon_intensity_g_per_kwh", Name: "Grid carbon intensity", Definition: "Grid-energy-weighted mean intensity of the electricity drawn (generators excluded).", Unit: "g CO₂/kWh", Scale: 1},
	{Path: "heat_rejected_kwh", Name: "Heat released to the air", Definition: "Heat released to the outdoor air: by cooling towers, dry coolers, air-cooled condensers and chillers, exhaust air, the outdoor transformer and offices.", Unit: "MWh", Scale: 1e-3},
	{Path: "heat_reused_kwh", Name: "Waste heat reused, E<sub>REUSE</sub>", Standard: euKPI, Definition: "Heat exported for reuse outside the data centre.", Unit: "MWh", Scale: 1e-3},
	{Path: "waste_heat_temperature_c", Name: "Average waste-heat temperature", Standard: euKPI, Definition: "Temperature of the facility-water return from which the reuse loop took its heat, weighted by the heat reused.", Unit: "°C", Scale: 1, Decimals: 1},
	{Path: "erf", Name: "Energy reuse factor, ERF", Standard: iso6 + "; " + euInd, Definition: "E<sub>REUSE</sub> / E<sub>DC</sub>: share of the facility energy reused as heat.", Unit: "", Scale: 1, Decimals: 3},
	{Path: "ref", Name: "Renewable energy factor, REF", Standard: iso3 + "; " + euInd, Definition: "E<sub>RES-TOT</sub> / E<sub>DC</sub>: share of the facility energy that is renewable.", Unit: "", Scale: 1, Decimals: 3},
	{Path: "climate.cooling_degree_days", Name: "Cooling degree days", Standard: euKPI, Definition: "Of the period's weather, Eurostat's definition: the sum of (T<sub>m</sub> − 21 °C) over the days whose mean outdoor temperature T<sub>m</sub> is 24 °C or more.", Unit: "K·d", Scale: 1},
	{Path: "cfe_pct", Name: "Carbon-free energy, hourly matched", Definition: "Share of the electricity the site used (grid, on-site PV, generators) matched hour by hour with carbon-free supply: on-site PV, contracted clean supply and the grid's carbon-free share (from the fuel mix or grid.cfe_frac; 0 when neither is given). The 24/7 CFE measure (Google 2021; EnergyTag).", Unit: "%", Scale: 1, Decimals: 1},
	{Path: "wue_source_l_per_kwh", Name: "Source water usage effectiveness, WUE<sub>source</sub>", Standard: tggWUE, Definition: "Site water consumption plus the water consumed generating the grid electricity, per unit of IT energy (a consumption basis, as off-site withdrawal factors are rarely known; the WUE row above is site withdrawal).", Unit: "L/kWh", Scale: 1, Decimals: 2},
	{Path: "offsite_water_l.withdrawal", Name: "Off-site water withdrawal (electricity generation)", Definition: "Water withdrawn to generate the grid electricity the site draws.", Unit: "m³", Scale: 1e-3},
	{Path: "offsite_water_l.consumption", Name: "Off-site water consumption (electricity generation)", Definition: "Water consumed to generate the grid electricity the site draws.", Unit: "m³", Scale: 1e-3},
	{Path: "scarcity_weighted_water_l", Name: "Scarcity-weighted water consumption", Definition: "Site water consumption × the site's water-stress factor plus off-site consumption × the grid's water-stress factor, both given in the site file (e.g. from WRI Aqueduct).", Unit: "m³ (stress-weighted)", Scale: 1e-3},
	{Path: "unmet_cooling.kwh", Name: "Unmet cooling", Definition: "Heat the cooling plant could not remove.", Unit: "MWh", Scale: 1e-3, Decimals: 1},
	{Path: "unmet_cooling.hours", Name: "Hours with unmet cooling", Definition: "Hours in which some heat was not removed.", Unit: "h", Scale: 1, Decimals: 1},
	{Path: "unserved_kwh", Name: "Unserved energy", Definition: "Load that no supply could meet: above the grid connection limit after the battery and the flexible IT share, or in a utility outage beyond what the battery and generators carried.", Unit: "MWh", Scale: 1e-3, Decimals: 1},
	{Path: "ride_through_min", Name: "Ride-through time of the failure events", Definition: "The shortest time, over the site's failure events, from an event's start until the warmest rack inlet passed the allowable limit of the site's ASHRAE class (–: no event took it past the limit, or no events).", Unit: "min", Scale: 1, Decimals: 1},
	{Path: "thermal.ride_through_at_peak_min", Name: "Ride-through of the design at peak load", Definition: "What the design rides through: minutes from a total loss of cooling at the period's peak heat load (chillers and heat rejection stopped, UPS-fed fans and pumps running) until the warmest rack inlet passes the allowable limit.", Unit: "min", Scale: 1, Decimals: 1},
	{Path: "thermal.hours_above_recommended", Name: "Hours above the recommended inlet range", Standard: ashrae, Definition: "Hours the warmest rack inlet was above the recommended maximum of the site's ASHRAE class.", Unit: "h", Scale: 1, Decimals: 1},
	{Path: "thermal.hours_above_allowable", Name: "Hours above the allowable inlet range", Standard: ashrae, Definition: "Hours the warmest rack inlet was above the allowable maximum of the site's ASHRAE class.", Unit: "h", Scale: 1, Decimals: 1},
	{Path: "thermal.max_inlet_c", Name: "Warmest rack inlet", Definition: "The highest temperature of the warmest rack inlet over the period (per simulation step).", Unit: "°C", Scale: 1, Decimals: 1},
	{Path: "cooling_design.facility_water.hours_above_class", Name: "Hours above the facility-water class", Standard: ashraeW, Definition: "Hours the facility-water supply to the liquid-cooled IT was warmer than the limit of its ASHRAE W class.", Unit: "h", Scale: 1, Decimals: 1},
	{Path: "cooling_design.evaporative_hours", Name: "Hours with evaporative cooling", Definition: "Hours in which water evaporated to reject heat: cooling towers, evaporative coolers or the adiabatic spray of dry coolers.", Unit: "h", Scale: 1, Decimals: 1},
	{Path: "cooling_design.trim_hours", Name: "Hours with compressors", Definition: "Hours in which chillers or trim chillers ran, partly or fully.", Unit: "h", Scale: 1, Decimals: 1},
	{Path: "grid_limit.hours_at_limit", Name: "Hours at the grid connection limit", Definition: "Hours in which the demand net of on-site PV would have passed the interconnection limit.", Unit: "h", Scale: 1, Decimals: 1},
	{Path: "supply.generator_kwh", Name: "Generator electricity", Definition: "Electricity the standby generators supplied to the site in utility outages (they do not run for the grid limit; their monthly tests run on a load bank and are not counted here, though their fuel is).", Unit: "MWh", Scale: 1e-3, Decimals: 1},
	{Path: "supply.generator_fuel_l", Name: "Generator fuel", Definition: "Diesel burnt by the standby generators, test runs included.", Unit: "m³", Scale: 1e-3, Decimals: 1},
	{Path: "cost.total", Name: "Total operating cost", Definition: "Energy, demand, water, sewer and fuel charges over the period, in the currency of the site's tariff (cost.currency).", Unit: "currency", Scale: 1},
	{Path: "cost.energy", Name: "Cost: energy", Definition: "Energy charges of the grid electricity, time-of-use where the tariff has it.", Unit: "currency", Scale: 1},
	{Path: "cost.demand", Name: "Cost: demand", Definition: "Demand charges on each month's peak grid draw.", Unit: "currency", Scale: 1},
	{Path: "cost.water", Name: "Cost: water", Definition: "Charges for the water withdrawn.", Unit: "currency", Scale: 1},
	{Path: "cost.sewer", Name: "Cost: sewer", Definition: "Charges for the water discharged.", Unit: "currency", Scale: 1},
	{Path: "cost.fuel", Name: "Cost: generator fuel", Definition: "The generators' fuel.", Unit: "currency", Scale: 1},
}

// PeriodKPIs are the columns of a site's tables per calendar year and per
// month, by their key in an element of summary.json's yearly and monthly.
var PeriodKPIs = []KPI{
	{Path: "hours", Name: "hours", Unit: "h", Scale: 1},
	{Path: "facility_kwh", Name: "E<sub>DC</sub>", Unit: "MWh", Scale: 1e-3},
	{Path: "it_kwh", Name: "E<sub>IT</sub>", Unit: "MWh", Scale: 1e-3},
	{Path: "pue", Name: "PUE", Scale: 1, Decimals: 3},
	{Path: "water_withdrawal_l", Name: "W<sub>IN</sub>", Unit: "m³", Scale: 1e-3},
	{Path: "wue_l_per_kwh", Name: "WUE", Unit: "L/kWh", Scale: 1, Decimals: 2},
	{Path: "carbon_kg", Name: "CO₂ location", Unit: "t", Scale: 1e-3},
	{Path: "carbon_market_kg", Name: "CO₂ market", Unit: "t", Scale: 1e-3},
	{Path: "ref", Name: "REF", Scale: 1, Decimals: 3},
	{Path: "erf", Name: "ERF", Scale: 1, Decimals: 3},
	{Path: "peak_grid_kw", Name: "peak grid", Unit: "kW", Scale: 1},
	{Path: "cooling_degree_days", Name: "CDD", Unit: "K·d", Scale: 1},
}

// lookup returns the value at a dotted path of a decoded JSON object; a
// number in the path indexes an array ("events.0.peak_inlet_c").
func lookup(raw map[string]any, path string) (any, bool) {
	var v any = raw
	for _, key := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[key]; !ok {
				return nil, false
			}
		case []any:
			i, err := strconv.Atoi(key)
			if err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// Value returns the KPI's value in a summary, scaled to its unit, and
// whether the summary has it as a number.
func (k KPI) Value(raw map[string]any) (float64, bool) {
	v, ok := lookup(raw, k.Path)
	if !ok {
		return 0, false
	}
	return k.valueOf(v)
}

func (k KPI) valueOf(v any) (float64, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	x, err := n.Float64()
	if err != nil {
		return 0, false
	}
	return x * k.Scale, true
}

// Format prints the KPI's value of a summary as the report shows it.
func (k KPI) Format(raw map[string]any) (string, bool) {
	x, ok := k.Value(raw)
	if !ok {
		return "", false
	}
	return formatNumber(x, k.Decimals), true
}
