package sim

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Column is one column of timeseries.csv.
type Column struct {
	Name string
	Doc  string
}

// Columns lists the columns of timeseries.csv in order, with their meaning.
// The first sixteen are the stable contract of the design; powers are interval
// means in kW, water litres and carbon kilograms per interval, temperatures
// interval means in °C.
var Columns = []Column{
	{"time", "start of the interval, RFC 3339 with the site's standard-time offset"},
	{"drybulb_c", "outdoor dry-bulb temperature"},
	{"wetbulb_c", "outdoor thermodynamic wet-bulb temperature"},
	{"rh_pct", "outdoor relative humidity, %"},
	{"it_kw", "electric power of the IT racks"},
	{"cooling_kw", "electric power of the cooling plant (sum of the *_fan_kw, *_pump_kw, chiller_kw and heat_pump_kw columns)"},
	{"power_loss_kw", "losses of UPS, PDU and transformer"},
	{"other_kw", "lighting and offices"},
	{"facility_kw", "it_kw + cooling_kw + power_loss_kw + other_kw"},
	{"grid_kw", "power drawn from the grid"},
	{"heat_rejected_kw", "heat released to the atmosphere (towers, dry coolers, air-cooled condensers, exhaust air, outdoor transformer, offices)"},
	{"water_withdrawal_l", "water taken from the supply: consumption + discharge"},
	{"water_consumption_l", "water evaporated or lost as drift (towers, adiabatic and evaporative coolers)"},
	{"water_discharge_l", "tower blowdown and evaporative-cooler bleed returned to the sewer"},
	{"carbon_kg", "CO2 of the grid electricity and of generator fuel"},
	{"pue", "facility_kw / it_kw of the interval"},
	{"crah_fan_kw", "computer-room air handler fans"},
	{"cdu_pump_kw", "coolant distribution unit pumps (liquid cooling)"},
	{"chw_pump_kw", "chilled-water pumps"},
	{"cond_pump_kw", "condenser-water pumps"},
	{"chiller_kw", "chiller compressors"},
	{"tower_fan_kw", "cooling-tower fans"},
	{"ups_loss_kw", "UPS losses"},
	{"pdu_loss_kw", "PDU losses"},
	{"transformer_loss_kw", "utility transformer losses"},
	{"lighting_kw", "lighting and small power in the conditioned space"},
	{"office_kw", "offices and other loads outside the white space"},
	{"it_fan_kw", "server fans, part of it_kw"},
	{"it_air_heat_kw", "IT heat into the room air"},
	{"it_liquid_heat_kw", "IT heat into liquid cooling"},
	{"it_util_pct", "mean rack utilisation, %"},
	{"rack_inlet_max_c", "warmest rack inlet air in the interval"},
	{"economizer_frac", "share of the chilled-water load carried by the waterside economizer (other designs: share of the heat removed without compressors)"},
	{"chillers_on", "mean number of chillers running"},
	{"cond_water_c", "water leaving the cooling towers"},
	{"evaporation_l", "tower evaporation"},
	{"drift_l", "tower drift"},
	{"blowdown_l", "tower blowdown"},
	{"unmet_cooling_kw", "heat the plant could not remove"},
	{"carbon_intensity_g_per_kwh", "grid carbon intensity, gCO2/kWh"},
	{"pv_kw", "on-site PV used by the site (its load and the battery's charge)"},
	{"pv_curtailed_kw", "PV output that could not be used (no export)"},
	{"battery_charge_kw", "battery charging power (AC)"},
	{"battery_discharge_kw", "battery discharging power (AC)"},
	{"battery_soc_pct", "battery state of charge, interval mean, % of its energy"},
	{"generator_kw", "standby generators supplying the site"},
	{"generator_fuel_l", "generator fuel burnt, including test runs"},
	{"shed_it_kw", "flexible IT load shed to stay within the grid connection"},
	{"unserved_kw", "load that no supply could meet"},
	{"offsite_water_consumption_l", "water evaporated at the power plants for the grid draw"},
	{"offsite_water_withdrawal_l", "water withdrawn at the power plants for the grid draw (empty when its factors are unknown)"},
	{"clean_supply_kw", "contracted clean supply (PPA)"},
	{"energy_cost", "cost of the grid energy of the interval, in the tariff's currency"},
	{"room_air_c", "cold-aisle (supply) air: the set point, plus the rise of the room when cooling falls short"},
	{"chilled_water_c", "chilled water: the supply set point, plus its rise when it absorbs heat the plant cannot remove"},
	{"stored_heat_kwh", "heat held in the hall's thermal mass (air, IT equipment, water) above its normal state"},
	{"heat_to_mass_kw", "heat into the thermal mass (negative: removed from it); facility_kw − heat_rejected_kw = heat_to_mass_kw unless heat went unstored"},
	{"utility_out_pct", "share of the interval without utility power, %"},
	{"condenser_fan_kw", "condenser fans of air-cooled chillers and trim chillers"},
	{"dry_cooler_fan_kw", "dry-cooler fans"},
	{"fw_pump_kw", "facility-water pumps (liquid cooling)"},
	{"heat_pump_kw", "heat-reuse heat pump"},
	{"heat_reused_kw", "heat exported to a district-heating or process loop"},
	{"spray_evap_l", "water evaporated by adiabatic pre-coolers and evaporative coolers (part of water_consumption_l)"},
	{"spray_bleed_l", "bleed of adiabatic pre-coolers and evaporative coolers (part of water_discharge_l)"},
	{"facility_supply_c", "facility-water supply temperature to the CDUs (0 without a facility-water loop)"},
	{"evaporative_frac", "share of the interval in which water evaporated (towers, adiabatic spray, evaporative coolers)"},
	{"trim_frac", "share of the interval with compressors (chillers, trim chillers) running"},
}

// csvRows writes timeseries.csv rows. Values are printed in fixed point from
// integers, and every sum column is the sum of its printed parts, so that the
// identities (facility = IT + cooling + loss + other; withdrawal = consumption
// + discharge) hold exactly in the file.
type csvRows struct {
	w   *bufio.Writer
	buf []byte
	// withdrawalKnown says whether off-site withdrawal factors were given;
	// otherwise that column stays empty.
	withdrawalKnown bool
}

func newCSVRows(w io.Writer) (*csvRows, error) {
	r := &csvRows{w: bufio.NewWriterSize(w, 1<<16), buf: make([]byte, 0, 1024)}
	for i, c := range Columns {
		if i > 0 {
			r.buf = append(r.buf, ',')
		}
		r.buf = append(r.buf, c.Name...)
	}
	r.buf = append(r.buf, '\n')
	_, err := r.w.Write(r.buf)
	return r, err
}

// fixed converts x to an integer count of 10^-decimals units.
func fixed(x float64, decimals int) int64 {
	return int64(math.Round(x * pow10[decimals]))
}

var pow10 = [...]float64{1, 10, 100, 1000, 10000, 100000, 1000000}

// appendFixed appends the integer n of 10^-decimals units as a decimal number.
func appendFixed(b []byte, n int64, decimals int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	scale := int64(pow10[decimals])
	b = strconv.AppendInt(b, n/scale, 10)
	if decimals == 0 {
		return b
	}
	b = append(b, '.')
	frac := n % scale
	for d := scale / 10; d > 0; d /= 10 {
		b = append(b, byte('0'+frac/d))
		frac %= d
	}
	return b
}

func (r *csvRows) writeRow(start time.Time, a *accumulator) error {
	b := start.AppendFormat(r.buf[:0], time.RFC3339)
	put := func(n int64, decimals int) {
		b = append(b, ',')
		b = appendFixed(b, n, decimals)
	}
	kw := func(q int) int64 { return fixed(a.mean(q), 3) }
	litres := func(q int) int64 { return fixed(a.sum[q], 3) }

	crah, cdu, chw, cond, chiller, tower := kw(qCRAHFanKW), kw(qCDUPumpKW), kw(qCHWPumpKW), kw(qCondPumpKW), kw(qChillerKW), kw(qTowerFanKW)
	ups, pdu, trafo := kw(qUPSLossKW), kw(qPDULossKW), kw(qTransformerLossKW)
	lighting, office := kw(qLightingKW), kw(qOfficeKW)
	it := kw(qITKW)
	condFan, dryFan, fwPump, heatPump := kw(qCondFanKW), kw(qDryCoolerFanKW), kw(qFWPumpKW), kw(qHeatPumpKW)
	cooling := crah + cdu + chw + cond + chiller + tower + condFan + dryFan + fwPump + heatPump
	loss := ups + pdu + trafo
	other := lighting + office
	facility := it + cooling + loss + other
	evap, drift, blow := litres(qEvaporationL), litres(qDriftL), litres(qBlowdownL)
	spray, bleed := litres(qSprayEvapL), litres(qSprayBleedL)
	consumption := evap + drift + spray
	discharge := blow + bleed
	itAir := kw(qITAirKW)

	put(fixed(a.mean(qDryBulbC), 2), 2)
	put(fixed(a.mean(qWetBulbC), 2), 2)
	put(fixed(a.mean(qRelHumPct), 1), 1)
	put(it, 3)
	put(cooling, 3)
	put(loss, 3)
	put(other, 3)
	put(facility, 3)
	pv, batCharge, batDischarge := kw(qPVKW), kw(qBatteryChargeKW), kw(qBatteryDischargeKW)
	gen, unserved := kw(qGeneratorKW), kw(qUnservedKW)
	put(facility-pv-batDischarge+batCharge-gen-unserved, 3) // grid
	put(kw(qHeatRejectedKW), 3)
	put(consumption+discharge, 3)
	put(consumption, 3)
	put(discharge, 3)
	put(fixed(a.sum[qCarbonKg], 3), 3)
	pue := int64(0)
	if it > 0 {
		pue = fixed(float64(facility)/float64(it), 4)
	}
	put(pue, 4)
	for _, n := range [...]int64{crah, cdu, chw, cond, chiller, tower, ups, pdu, trafo, lighting, office} {
		put(n, 3)
	}
	put(kw(qITFanKW), 3)
	put(itAir, 3)
	put(it-itAir, 3)
	put(fixed(a.mean(qUtilPct), 2), 2)
	put(fixed(a.maxInlet, 2), 2)
	put(fixed(ratio(a.sum[qEconomizerKW], a.sum[qEvaporatorKW]), 4), 4)
	put(fixed(a.mean(qChillersOn), 2), 2)
	put(fixed(a.mean(qCondWaterC), 2), 2)
	put(evap, 3)
	put(drift, 3)
	put(blow, 3)
	put(kw(qUnmetKW), 3)
	put(fixed(a.mean(qIntensityG), 2), 2)
	put(pv, 3)
	put(kw(qPVCurtailedKW), 3)
	put(batCharge, 3)
	put(batDischarge, 3)
	put(fixed(a.mean(qBatterySoCPct), 2), 2)
	put(gen, 3)
	put(litres(qGeneratorFuelL), 3)
	put(kw(qShedITKW), 3)
	put(unserved, 3)
	put(litres(qOffsiteConsL), 3)
	if !r.withdrawalKnown {
		b = append(b, ',')
	} else {
		put(litres(qOffsiteWdL), 3)
	}
	put(kw(qCleanKW), 3)
	put(fixed(a.sum[qEnergyCost], 4), 4)
	put(fixed(a.mean(qRoomAirC), 2), 2)
	put(fixed(a.mean(qChilledWaterC), 2), 2)
	put(fixed(a.mean(qStoredKWh), 3), 3)
	put(kw(qHeatToMassKW), 3)
	put(fixed(a.mean(qUtilityOutPct), 2), 2)
	for _, n := range [...]int64{condFan, dryFan, fwPump, heatPump, kw(qHeatReusedKW)} {
		put(n, 3)
	}
	put(spray, 3)
	put(bleed, 3)
	put(fixed(a.mean(qFacilitySupplyC), 2), 2)
	put(fixed(a.mean(qEvaporativeSteps), 4), 4)
	put(fixed(a.mean(qTrimSteps), 4), 4)
	b = append(b, '\n')
	r.buf = b
	_, err := r.w.Write(b)
	return err
}

func (r *csvRows) flush() error { return r.w.Flush() }

// writeJSON writes v as indented JSON to path.
func writeJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// summaryColumn is one column of OUT/summary.csv: its value for a site's
// whole period, and for one calendar year of it (nil: empty in year rows).
type summaryColumn struct {
	name string
	site func(s *Summary) string
	year func(y *YearTotals) string
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// summaryColumns are the columns of OUT/summary.csv, in order.
var summaryColumns = []summaryColumn{
	{"site", func(s *Summary) string { return s.Site }, nil},
	{"period", func(*Summary) string { return "all" }, func(y *YearTotals) string { return strconv.Itoa(y.Year) }},
	{"start", func(s *Summary) string { return s.Start }, func(y *YearTotals) string { return y.Start }},
	{"end", func(s *Summary) string { return s.End }, func(y *YearTotals) string { return y.End }},
	{"step", func(s *Summary) string { return s.Step }, nil},
	{"it_kwh", func(s *Summary) string { return num(s.Energy.IT) }, func(y *YearTotals) string { return num(y.ITKWh) }},
	{"cooling_kwh", func(s *Summary) string { return num(s.Energy.Cooling) }, func(y *YearTotals) string { return num(y.CoolingKWh) }},
	{"power_loss_kwh", func(s *Summary) string { return num(s.Energy.PowerLoss) }, func(y *YearTotals) string { return num(y.PowerLossKWh) }},
	{"other_kwh", func(s *Summary) string { return num(s.Energy.Other) }, func(y *YearTotals) string { return num(y.OtherKWh) }},
	{"facility_kwh", func(s *Summary) string { return num(s.Energy.Facility) }, func(y *YearTotals) string { return num(y.FacilityKWh) }},
	{"grid_kwh", func(s *Summary) string { return num(s.Energy.Grid) }, func(y *YearTotals) string { return num(y.GridKWh) }},
	{"peak_it_kw", func(s *Summary) string { return num(s.Peak.IT) }, func(y *YearTotals) string { return num(y.PeakITKW) }},
	{"peak_facility_kw", func(s *Summary) string { return num(s.Peak.Facility) }, nil},
	{"peak_grid_kw", func(s *Summary) string { return num(s.Peak.Grid) }, func(y *YearTotals) string { return num(y.PeakGridKW) }},
	{"pue", func(s *Summary) string { return num(s.PUE) }, func(y *YearTotals) string { return num(y.PUE) }},
	{"wue_l_per_kwh", func(s *Summary) string { return num(s.WUE) }, func(y *YearTotals) string { return num(y.WUE) }},
	{"cue_kg_per_kwh", func(s *Summary) string { return num(s.CUE) }, func(y *YearTotals) string { return num(y.CUE) }},
	{"water_withdrawal_l", func(s *Summary) string { return num(s.Water.Withdrawal) }, func(y *YearTotals) string { return num(y.WithdrawalL) }},
	{"water_consumption_l", func(s *Summary) string { return num(s.Water.Consumption) }, func(y *YearTotals) string { return num(y.ConsumptionL) }},
	{"water_discharge_l", func(s *Summary) string { return num(s.Water.Discharge) }, func(y *YearTotals) string { return num(y.DischargeL) }},
	{"peak_day_water_withdrawal_l", func(s *Summary) string { return num(s.PeakDayWaterWithdrawal) }, nil},
	{"carbon_kg", func(s *Summary) string { return num(s.CarbonKg) }, func(y *YearTotals) string { return num(y.CarbonKg) }},
	{"heat_rejected_kwh", func(s *Summary) string { return num(s.HeatRejected) }, func(y *YearTotals) string { return num(y.HeatRejectedKWh) }},
	{"unmet_cooling_kwh", func(s *Summary) string { return num(s.Unmet.KWh) }, func(y *YearTotals) string { return num(y.UnmetKWh) }},
	{"warnings", func(s *Summary) string { return strconv.Itoa(len(s.Warnings)) }, nil},
	{"pv_kwh", func(s *Summary) string { return num(s.Energy.PV) }, func(y *YearTotals) string { return num(y.PVKWh) }},
	{"offsite_water_consumption_l", func(s *Summary) string { return offsite(s, false) }, nil},
	{"offsite_water_withdrawal_l", func(s *Summary) string { return offsite(s, true) }, nil},
	{"wue_source_l_per_kwh", func(s *Summary) string { return opt(s.WUESource) }, nil},
	{"scarcity_weighted_water_l", func(s *Summary) string { return opt(s.ScarcityWeighted) }, nil},
	{"cfe_pct", func(s *Summary) string { return opt(s.CFEPct) }, nil},
	{"ref", func(s *Summary) string { return num(s.REF) }, func(y *YearTotals) string { return num(y.REF) }},
	{"unserved_kwh", func(s *Summary) string { return num(s.UnservedKWh) }, func(y *YearTotals) string { return num(y.UnservedKWh) }},
	{"cost_total", costTotal, nil},
	{"hours_above_recommended", func(s *Summary) string { return num(s.Thermal.HoursAboveRecommended) }, nil},
	{"hours_above_allowable", func(s *Summary) string { return num(s.Thermal.HoursAboveAllowable) }, nil},
	{"max_inlet_c", func(s *Summary) string { return num(s.Thermal.MaxInletC) }, nil},
	{"ride_through_min", func(s *Summary) string { return opt(s.RideThroughMin) }, nil},
	{"heat_reused_kwh", func(s *Summary) string { return num(s.HeatReused) }, func(y *YearTotals) string { return num(y.HeatReusedKWh) }},
	{"erf", func(s *Summary) string { return num(s.ERF) }, func(y *YearTotals) string { return num(y.ERF) }},
	{"ups_output_kwh", func(s *Summary) string { return num(s.Energy.UPSOutput) }, func(y *YearTotals) string { return num(y.UPSOutputKWh) }},
	{"renewable_kwh", func(s *Summary) string {
		if s.Renewables == nil {
			return ""
		}
		return num(s.Renewables.Total)
	}, func(y *YearTotals) string { return num(y.RenewableKWh) }},
	{"carbon_market_kg", func(s *Summary) string { return opt(s.CarbonMarketKg) }, func(y *YearTotals) string { return opt(y.CarbonMarketKg) }},
	{"cooling_degree_days", func(s *Summary) string { return num(s.Climate.CoolingDegreeDays) }, func(y *YearTotals) string { return num(y.CoolingDegDays) }},
	{"installed_it_kw", func(s *Summary) string { return num(s.InstalledITKW) }, nil},
}

// SummaryCSVHeader is the header of OUT/summary.csv.
var SummaryCSVHeader = func() []string {
	h := make([]string, len(summaryColumns))
	for i, c := range summaryColumns {
		h[i] = c.name
	}
	return h
}()

// writeSummaryCSV writes, for each site, a row of its whole period (period
// "all") and a row of each calendar year it touches (period "2025"; only the
// columns that have a per-year value are filled).
func writeSummaryCSV(path string, sums []*Summary) error {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(SummaryCSVHeader)
	// By name: the same sites give the same file in any order.
	sums = slices.Clone(sums)
	slices.SortFunc(sums, func(a, b *Summary) int { return strings.Compare(a.Site, b.Site) })
	for _, s := range sums {
		row := make([]string, len(summaryColumns))
		for i, c := range summaryColumns {
			row[i] = c.site(s)
		}
		w.Write(row)
		for j := range s.Years {
			y := &s.Years[j]
			for i, c := range summaryColumns {
				switch {
				case c.name == "site":
					row[i] = s.Site
				case c.year == nil:
					row[i] = ""
				default:
					row[i] = c.year(y)
				}
			}
			w.Write(row)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return writeFileAtomic(path, buf.Bytes())
}

// opt prints an optional figure, empty when unknown.
func opt(x *float64) string {
	if x == nil {
		return ""
	}
	return strconv.FormatFloat(*x, 'f', -1, 64)
}

func offsite(s *Summary, withdrawal bool) string {
	if s.OffsiteWater == nil {
		return ""
	}
	if withdrawal {
		return opt(s.OffsiteWater.Withdrawal)
	}
	return opt(s.OffsiteWater.Consumption)
}

func costTotal(s *Summary) string {
	if s.Cost == nil {
		return ""
	}
	return strconv.FormatFloat(s.Cost.Total, 'f', -1, 64)
}

// writeFileAtomic writes data to a temporary file beside path and renames it
// into place, so that a reader never sees a half-written file.
func writeFileAtomic(path string, data []byte) error {
	tmp := path + ".partial"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// siteDir manages a site's output folder: it is written under a temporary
// name and renamed into place only when complete.
type siteDir struct {
	final, tmp string
}

func newSiteDir(out, site string) (*siteDir, error) {
	d := &siteDir{final: filepath.Join(out, site), tmp: filepath.Join(out, "."+site+".partial")}
	if err := os.RemoveAll(d.tmp); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(d.tmp, 0o755); err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	return d, nil
}

func (d *siteDir) path(name string) string { return filepath.Join(d.tmp, name) }

func (d *siteDir) commit() error {
	if err := os.RemoveAll(d.final); err != nil {
		return err
	}
	return os.Rename(d.tmp, d.final)
}

func (d *siteDir) abandon() { os.RemoveAll(d.tmp) }
