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
	// HeatBalanceErrorPct is (facility − heat rejected)/facility, %: the
	// heat the plant could not remove, zero when every load was met.
	HeatBalanceErrorPct float64 `json:"heat_balance_error_pct"`
	// EvaporationPerKWhRejected is tower evaporation per kWh of heat the
	// towers rejected, L/kWh.
	EvaporationPerKWhRejected float64 `json:"evaporation_l_per_kwh_rejected"`
	// CarbonIntensity is the grid-energy-weighted mean intensity, g/kWh.
	CarbonIntensity float64 `json:"carbon_intensity_g_per_kwh"`

	Cooling    CoolingKWh    `json:"cooling_kwh"`
	PowerLoss  PowerLossKWh  `json:"power_loss_kwh"`
	Economizer EconomizerH   `json:"economizer_hours"`
	Unmet      UnmetCooling  `json:"unmet_cooling"`
	Climate    ClimateStats  `json:"climate"`
	Months     []MonthTotals `json:"monthly"`
	// Inputs are the inputs that matter, as the site file gave or sized them.
	Inputs   []Input  `json:"inputs"`
	Warnings []string `json:"warnings"`

	// HeatReused is the heat exported to a district-heating or process loop,
	// kWh.
	HeatReused float64 `json:"heat_reused_kwh"`
	// ERF is the energy reuse factor, heat reused over facility energy
	// (ISO/IEC 30134-6).
	ERF    float64       `json:"erf"`
	Design DesignSummary `json:"cooling_design"`
}

// DesignSummary describes how the cooling design ran.
type DesignSummary struct {
	Kind string `json:"kind"`
	// EvaporativeHours are the hours with evaporative cooling or adiabatic
	// spray; TrimHours those with compressors running.
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
}

// MonthTotals are one calendar month's totals (site standard time).
type MonthTotals struct {
	Month           string  `json:"month"` // YYYY-MM
	ITKWh           float64 `json:"it_kwh"`
	CoolingKWh      float64 `json:"cooling_kwh"`
	FacilityKWh     float64 `json:"facility_kwh"`
	PUE             float64 `json:"pue"`
	WithdrawalL     float64 `json:"water_withdrawal_l"`
	ConsumptionL    float64 `json:"water_consumption_l"`
	DischargeL      float64 `json:"water_discharge_l"`
	WUE             float64 `json:"wue_l_per_kwh"`
	EvaporationL    float64 `json:"evaporation_l"`
	HeatRejectedKWh float64 `json:"heat_rejected_kwh"`
	CarbonKg        float64 `json:"carbon_kg"`
	MeanDryBulbC    float64 `json:"mean_drybulb_c"`
	MeanWetBulbC    float64 `json:"mean_wetbulb_c"`
	EconomizerHours float64 `json:"economizer_hours"`
	HeatReusedKWh   float64 `json:"heat_reused_kwh"`
}
