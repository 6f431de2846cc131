package sim

// Summary holds a site's totals and KPIs over the period: the contents of
// summary.json. Energies are kWh, powers kW, water litres, carbon kg.
type Summary struct {
	Site           string `json:"site"`
	Title          string `json:"title,omitempty"`
	Start          string `json:"start"` // RFC 3339 with the site's offset
	End            string `json:"end"`
	Step           string `json:"step"`
	ReportInterval string `json:"report_interval"`
	Weather        string `json:"weather"`
	Carbon         string `json:"carbon_source"`

	Energy EnergyKWh `json:"energy_kwh"`
	Peak   PeakKW    `json:"peak_kw"`
	// PUE is facility over IT energy (ISO/IEC 30134-2).
	PUE float64 `json:"pue"`
	// WUE is site water withdrawal per IT kWh (ISO/IEC 30134-9), L/kWh.
	WUE float64 `json:"wue_l_per_kwh"`
	// CUE is carbon per IT kWh (ISO/IEC 30134-8), kg/kWh.
	CUE   float64 `json:"cue_kg_per_kwh"`
	Water WaterL  `json:"water_l"`
	// PeakDayWaterWithdrawal is the largest withdrawal of one calendar day
	// (site standard time), L, on PeakDay.
	PeakDayWaterWithdrawal float64 `json:"peak_day_water_withdrawal_l"`
	PeakDay                string  `json:"peak_day"`
	CarbonKg               float64 `json:"carbon_kg"`
	// HeatRejected is the heat released to the atmosphere, kWh.
	HeatRejected float64 `json:"heat_rejected_kwh"`
	// HeatBalanceErrorPct is (facility − heat rejected − heat reused − heat
	// still stored in the hall's thermal mass)/facility, %: zero unless heat went past the
	// IT shutdown temperature (or, with no thermal mass modelled, went unmet).
	HeatBalanceErrorPct float64 `json:"heat_balance_error_pct"`
	// EvaporationPerKWhRejected is tower evaporation per kWh of heat the
	// towers rejected, L/kWh.
	EvaporationPerKWhRejected float64 `json:"evaporation_l_per_kwh_rejected"`
	// CarbonIntensity is the grid-energy-weighted mean intensity, g/kWh.
	CarbonIntensity float64 `json:"carbon_intensity_g_per_kwh"`

	Cooling    CoolingKWh   `json:"cooling_kwh"`
	PowerLoss  PowerLossKWh `json:"power_loss_kwh"`
	Economizer EconomizerH  `json:"economizer_hours"`
	Unmet      UnmetCooling `json:"unmet_cooling"`
	Climate    ClimateStats `json:"climate"`
	// Months and Years break the period down by calendar month and year
	// (site standard time); a period that starts or ends inside one holds
	// only its part.
	Months []MonthTotals `json:"monthly"`
	Years  []YearTotals  `json:"yearly"`
	// Inputs are the inputs that matter, as the site file gave or sized them.
	Inputs   []Input  `json:"inputs"`
	Warnings []string `json:"warnings"`

	// The ledger: off-site water, source metrics, on-site supply, the grid
	// connection, clean-energy matching and cost.
	OffsiteWater *OffsiteWaterL `json:"offsite_water_l"`
	// The pointers are null in summary.json when the figure is unknown (no
	// off-site water factors, no water-stress factor, no tariff).
	// WUESource is (site + off-site water consumption) / IT energy, L/kWh.
	WUESource *float64 `json:"wue_source_l_per_kwh"`
	// ScarcityWeighted is site and off-site water consumption weighted by
	// their water-stress factors, L.
	ScarcityWeighted *float64 `json:"scarcity_weighted_water_l"`
	// CFEPct is the hourly matched carbon-free energy share, %.
	CFEPct *float64 `json:"cfe_pct"`
	// REF is the renewable energy factor (ISO/IEC 30134-3).
	REF         float64          `json:"ref"`
	UnservedKWh float64          `json:"unserved_kwh"`
	Cost        *CostTotals      `json:"cost"`
	Supply      *SupplyTotals    `json:"supply"`
	GridLimit   *GridLimitTotals `json:"grid_limit"`
	WaterSource *WaterSourceL    `json:"water_source_l"`
	// Thermal judges the rack inlets against the site's ASHRAE class.
	Thermal ThermalSummary `json:"thermal"`
	// RideThroughMin is the shortest ride-through of the events: minutes
	// from an event's start until the warmest inlet passed the allowable
	// limit; null when no event took it past the limit.
	RideThroughMin *float64 `json:"ride_through_min"`
	// Events are the events simulated, in the order of the site file.
	Events []EventSummary `json:"events"`
	// HeatReused is the heat exported to a district-heating or process loop,
	// kWh.
	HeatReused float64 `json:"heat_reused_kwh"`
	// ERF is the energy reuse factor, heat reused over facility energy
	// (ISO/IEC 30134-6).
	ERF float64 `json:"erf"`
	// WasteHeatC is the average temperature of the waste heat reused (EU
	// 2024/1364 Annex II): the facility-water return from which the reuse
	// loop took its heat, weighted by the heat reused, °C; null without
	// reuse.
	WasteHeatC *float64 `json:"waste_heat_temperature_c"`
	// InstalledITKW is the installed IT power demand (EU 2024/1364 P_DIT):
	// the racks' nameplate, kW.
	InstalledITKW float64 `json:"installed_it_kw"`
	// Renewables splits the renewable energy by origin (E_RES-TOT and its
	// parts), kWh.
	Renewables *Renewables `json:"renewable_kwh"`
	// CarbonMarketKg is the market-based CO₂ (GHG Protocol Scope 2),
	// beside the location-based CarbonKg; null without a residual-mix
	// factor.
	CarbonMarketKg *float64      `json:"carbon_market_kg"`
	Design         DesignSummary `json:"cooling_design"`
	// UnsourcedInputs name the values typed into the site file without a
	// source (climate normals, a constant grid intensity, a clean-supply
	// contract, water-stress factors); each is also a warning.
	UnsourcedInputs []string `json:"unsourced_inputs"`
	// Provenance ties the summary to dctwin's version and the inputs.
	Provenance Provenance `json:"provenance"`
}

// ThermalSummary is the rack inlets against the thermal envelope, and the
// heat held in the hall's thermal mass.
type ThermalSummary struct {
	Class string `json:"class"`
	// RecommendedC and AllowableC are the class's ranges, °C.
	RecommendedC [2]float64 `json:"recommended_c"`
	AllowableC   [2]float64 `json:"allowable_c"`
	// Hours the warmest rack inlet spent above the recommended and the
	// allowable maximum.
	HoursAboveRecommended float64 `json:"hours_above_recommended"`
	HoursAboveAllowable   float64 `json:"hours_above_allowable"`
	MaxInletC             float64 `json:"max_inlet_c"`
	// AirKWhPerK and WaterKWhPerK are the heat capacities of the hall's air
	// side (room air, IT equipment) and water side (chilled-water loop, tank,
	// liquid loops), kWh/K; zero when no thermal mass is modelled.
	AirKWhPerK   float64 `json:"air_capacity_kwh_per_k"`
	WaterKWhPerK float64 `json:"water_capacity_kwh_per_k"`
	// StoredEndKWh is the heat still held in the mass at the end of the
	// period; NotStoredKWh the heat that would have taken the room past the
	// IT shutdown temperature, which leaves the heat balance.
	StoredEndKWh float64 `json:"stored_heat_end_kwh"`
	NotStoredKWh float64 `json:"heat_not_stored_kwh"`
	// RideThroughAtPeakMin is what the design rides through: the minutes
	// from a total loss of cooling (chillers and heat rejection stopped,
	// UPS-fed fans and pumps running) at the period's peak heat load until
	// the warmest inlet passes the allowable limit: the time within which
	// generators and chillers must restore cooling. Zero when no thermal mass
	// is modelled.
	RideThroughAtPeakMin float64 `json:"ride_through_at_peak_min"`
}

// EventSummary is one event's ride-through.
type EventSummary struct {
	Kind  string `json:"kind"`
	Start string `json:"start"`
	End   string `json:"end"` // when its effect ends (for a utility outage, the chillers' restart)
	Units int    `json:"units,omitempty"`
	// Random marks a failure drawn from the MTBF and MTTR of the units.
	Random bool `json:"random,omitempty"`
	// RideThroughMin is the minutes from the start until the warmest inlet
	// passed the allowable limit; null when it did not.
	RideThroughMin *float64 `json:"ride_through_min"`
	PeakInletC     float64  `json:"peak_inlet_c"`
	PeakStoredKWh  float64  `json:"peak_stored_heat_kwh"`
	// ExtraStorageKWh is the heat beyond what the hall could hold inside the
	// allowable limit; ExtraStorageM3 the chilled water (on UPS-fed pumps,
	// mixed with the loop) that would have held it.
	ExtraStorageKWh float64 `json:"extra_storage_kwh"`
	ExtraStorageM3  float64 `json:"extra_storage_m3"`
}

// DesignSummary describes how the cooling design ran.
type DesignSummary struct {
	Kind string `json:"kind"`
	// EvaporativeHours are the hours in which water evaporated (cooling
	// towers, adiabatic spray, evaporative coolers); TrimHours those with
	// compressors running (chillers, trim chillers, trim coils).
	EvaporativeHours float64 `json:"evaporative_hours"`
	TrimHours        float64 `json:"trim_hours"`
	// SprayEvaporation and SprayBleed are the water of adiabatic and
	// evaporative coolers, L (part of water_l).
	SprayEvaporation float64 `json:"spray_evaporation_l"`
	SprayBleed       float64 `json:"spray_bleed_l"`
	// FacilityWater is present for designs with a facility-water loop.
	FacilityWater *FacilityWaterSummary `json:"facility_water,omitempty"`
}

// FacilityWaterSummary is the facility-water supply against its ASHRAE W
// class.
type FacilityWaterSummary struct {
	Class           string  `json:"class"`
	LimitC          float64 `json:"limit_c"`
	SetpointC       float64 `json:"supply_setpoint_c"`
	MaxSupplyC      float64 `json:"max_supply_c"`
	HoursAboveClass float64 `json:"hours_above_class"`
	MeanSupplyC     float64 `json:"mean_supply_c"`
	// TrimHours are the hours the facility loop's trim chillers ran.
	TrimHours float64 `json:"trim_hours"`
}

// EnergyKWh is the period's energy by use, kWh.
type EnergyKWh struct {
	IT        float64 `json:"it"`
	Cooling   float64 `json:"cooling"`
	PowerLoss float64 `json:"power_loss"`
	Other     float64 `json:"other"`
	Facility  float64 `json:"facility"`
	Grid      float64 `json:"grid"`
	PV        float64 `json:"pv"` // on-site PV used by the site (load and battery)
	// UPSOutput is the energy leaving the UPS: IT (measured at the racks,
	// after the PDU) plus the PDU losses. EU 2024/1364 may draw the IT
	// boundary at the UPS output.
	UPSOutput float64 `json:"ups_output"`
}

// PeakKW holds the largest step-mean powers, kW, and when they occurred.
type PeakKW struct {
	IT           float64 `json:"it"`
	Facility     float64 `json:"facility"`
	Grid         float64 `json:"grid"`
	GridTime     string  `json:"grid_time"`
	FacilityTime string  `json:"facility_time"`
}

// WaterL is the period's water, L.
type WaterL struct {
	Withdrawal  float64 `json:"withdrawal"`
	Consumption float64 `json:"consumption"`
	Discharge   float64 `json:"discharge"`
	Evaporation float64 `json:"evaporation"`
	Drift       float64 `json:"drift"`
	Blowdown    float64 `json:"blowdown"`
}

// CoolingKWh is the cooling energy by component, kWh.
type CoolingKWh struct {
	CRAHFans       float64 `json:"crah_fans"`
	CDUPumps       float64 `json:"cdu_pumps"`
	CHWPumps       float64 `json:"chilled_water_pumps"`
	CondenserPumps float64 `json:"condenser_pumps"`
	Chillers       float64 `json:"chillers"`
	TowerFans      float64 `json:"tower_fans"`
	// The components of the other designs.
	CondenserFans      float64 `json:"condenser_fans"`
	DryCoolerFans      float64 `json:"dry_cooler_fans"`
	FacilityWaterPumps float64 `json:"facility_water_pumps"`
	HeatPumps          float64 `json:"heat_pumps"`
}

// PowerLossKWh is the power-chain loss by stage, kWh.
type PowerLossKWh struct {
	UPS         float64 `json:"ups"`
	PDU         float64 `json:"pdu"`
	Transformer float64 `json:"transformer"`
}

// EconomizerH counts hours in each plant mode.
type EconomizerH struct {
	Free     float64 `json:"free"`
	Partial  float64 `json:"partial"`
	Chillers float64 `json:"chillers_only"`
}

// UnmetCooling is the heat the plant could not remove.
type UnmetCooling struct {
	KWh    float64 `json:"kwh"`
	Hours  float64 `json:"hours"`
	PeakKW float64 `json:"peak_kw"`
}

// ClimateStats summarises the weather the site ran on.
type ClimateStats struct {
	MeanDryBulbC float64 `json:"mean_drybulb_c"`
	MeanWetBulbC float64 `json:"mean_wetbulb_c"`
	MaxDryBulbC  float64 `json:"max_drybulb_c"`
	MaxWetBulbC  float64 `json:"max_wetbulb_c"`
	// CoolingDegreeDays of the period's weather, Eurostat's definition
	// (base 21 °C, days with a mean of 24 °C or more), K·d.
	CoolingDegreeDays float64 `json:"cooling_degree_days"`
}
