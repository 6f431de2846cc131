package sites

import "time"

// The typed form of a site file. Pointers distinguish a key that is absent
// (nil: its default applies) from one that is given.

type fileSpec struct {
	Site    siteSpec    `toml:"site"`
	Period  periodSpec  `toml:"period"`
	Weather weatherSpec `toml:"weather"`
	Racks   []rackSpec  `toml:"racks"`
	Power   powerSpec   `toml:"power"`
	Cooling coolingSpec `toml:"cooling"`
	Grid    gridSpec    `toml:"grid"`

	Water       waterSpec      `toml:"water"`
	PV          *pvSpec        `toml:"pv"`
	Battery     *batterySpec   `toml:"battery"`
	Generator   *genSpec       `toml:"generator"`
	CleanSupply *cleanSpec     `toml:"clean_supply"`
	Tariff      *tariffSpec    `toml:"tariff"`
	Thermal     thermalSpec    `toml:"thermal"`
	Resilience  resilienceSpec `toml:"resilience"`
	Events      []eventSpec    `toml:"event"`
}

type siteSpec struct {
	Name      *string `toml:"name"`
	Title     *string `toml:"title"`
	UTCOffset *string `toml:"utc_offset"`
}

type periodSpec struct {
	Start          any     `toml:"start"`
	Days           *int64  `toml:"days"`
	Step           *string `toml:"step"`
	ReportInterval *string `toml:"report_interval"`
	Seed           *int64  `toml:"seed"`
}

type weatherSpec struct {
	Climate *string     `toml:"climate"`
	EPW     *string     `toml:"epw"`
	Custom  *customSpec `toml:"custom"`
}

type customSpec struct {
	Name         *string      `toml:"name"`
	LatitudeDeg  *float64     `toml:"latitude_deg"`
	LongitudeDeg *float64     `toml:"longitude_deg"`
	UTCOffsetH   *float64     `toml:"utc_offset_h"`
	ElevationM   *float64     `toml:"elevation_m"`
	TmaxC        *[12]float64 `toml:"tmax_c"`
	TminC        *[12]float64 `toml:"tmin_c"`
	DewPointC    *[12]float64 `toml:"dewpoint_c"`
	RelHumPct    *[12]float64 `toml:"rh_pct"`
	DailySDK     *[12]float64 `toml:"daily_sd_k"`
	DailyAR1     *[12]float64 `toml:"daily_ar1"`
	PressurePa   *[12]float64 `toml:"pressure_pa"`
	Source       *string      `toml:"source"`
	Period       *string      `toml:"period"`
}

type rackSpec struct {
	Name            *string       `toml:"name"`
	Count           *int64        `toml:"count"`
	Kind            *string       `toml:"kind"`
	PeakKW          *float64      `toml:"peak_kw"`
	IdleFrac        *float64      `toml:"idle_frac"`
	Curve           *string       `toml:"curve"`
	FanFrac         *float64      `toml:"fan_frac"`
	FanMinSpeedFrac *float64      `toml:"fan_min_speed_frac"`
	FanRampC        *float64      `toml:"fan_ramp_c"`
	FanSpeedPerK    *float64      `toml:"fan_speed_per_k"`
	FanMaxBoost     *float64      `toml:"fan_max_boost"`
	LiquidFrac      *float64      `toml:"liquid_frac"`
	InletSpreadK    *float64      `toml:"inlet_spread_k"`
	UtilBiasSD      *float64      `toml:"util_bias_sd"`
	UtilNoiseSD     *float64      `toml:"util_noise_sd"`
	UtilNoiseTau    *string       `toml:"util_noise_tau"`
	Workload        *workloadSpec `toml:"workload"`
}

type workloadSpec struct {
	Kind             *string  `toml:"kind"`
	Mean             *float64 `toml:"mean"`
	Amplitude        *float64 `toml:"amplitude"`
	PeakHour         *float64 `toml:"peak_hour"`
	WeekendMean      *float64 `toml:"weekend_mean"`
	BusyUtil         *float64 `toml:"busy_util"`
	CheckpointEvery  *string  `toml:"checkpoint_every"`
	CheckpointLength *string  `toml:"checkpoint_length"`
	CheckpointUtil   *float64 `toml:"checkpoint_util"`
	InterruptsPerDay *float64 `toml:"interrupts_per_day"`
	InterruptLength  *string  `toml:"interrupt_length"`
	IdleUtil         *float64 `toml:"idle_util"`
	File             *string  `toml:"file"`
	Column           *string  `toml:"column"`
	Wrap             *bool    `toml:"wrap"`
}

type powerSpec struct {
	UPSCapacityKW             *float64 `toml:"ups_capacity_kw"`
	UPSNoLoadFrac             *float64 `toml:"ups_no_load_frac"`
	UPSProportionalFrac       *float64 `toml:"ups_proportional_frac"`
	UPSSquareFrac             *float64 `toml:"ups_square_frac"`
	PDUCapacityKW             *float64 `toml:"pdu_capacity_kw"`
	PDUNoLoadFrac             *float64 `toml:"pdu_no_load_frac"`
	PDUProportionalFrac       *float64 `toml:"pdu_proportional_frac"`
	PDUSquareFrac             *float64 `toml:"pdu_square_frac"`
	TransformerCapacityKW     *float64 `toml:"transformer_capacity_kw"`
	TransformerNoLoadFrac     *float64 `toml:"transformer_no_load_frac"`
	TransformerProportionalFr *float64 `toml:"transformer_proportional_frac"`
	TransformerSquareFrac     *float64 `toml:"transformer_square_frac"`
	LightingKW                *float64 `toml:"lighting_kw"`
	OfficeKW                  *float64 `toml:"office_kw"`
}

type coolingSpec struct {
	Kind         *string  `toml:"kind"`
	CRAH         crahSpec `toml:"crah"`
	CDU          cduSpec  `toml:"cdu"`
	ChilledWater chwSpec  `toml:"chilled_water"`
	Chillers     chSpec   `toml:"chillers"`
	Condenser    condSpec `toml:"condenser"`
	Towers       twSpec   `toml:"towers"`
	Economizer   ecoSpec  `toml:"economizer"`

	AirCooled  acSpec   `toml:"air_cooled_chillers"`
	Facility   fwSpec   `toml:"facility_water"`
	DryCoolers dcSpec   `toml:"dry_coolers"`
	Trim       trimSpec `toml:"trim_chiller"`
	Airside    asSpec   `toml:"airside"`
	HeatReuse  hrSpec   `toml:"heat_reuse"`
}

type acSpec struct {
	Count            *int64   `toml:"count"`
	CapacityKW       *float64 `toml:"capacity_kw"`
	COP              *float64 `toml:"cop"`
	CondenserFanFrac *float64 `toml:"condenser_fan_frac"`
	StagePLR         *float64 `toml:"stage_plr"`
	FreeCooling      *bool    `toml:"free_cooling"`
	FreeApproachK    *float64 `toml:"free_cooling_approach_k"`
}

type fwSpec struct {
	Class         *string  `toml:"class"`
	SupplyC       *float64 `toml:"supply_c"`
	DeltaTK       *float64 `toml:"delta_t_k"`
	PumpKW        *float64 `toml:"pump_kw"`
	MinFlowFrac   *float64 `toml:"min_flow_frac"`
	HeatRejection *string  `toml:"heat_rejection"`
}

type dcSpec struct {
	Units            *int64   `toml:"units"`
	UnitCapacityKW   *float64 `toml:"unit_capacity_kw"`
	DesignDryBulbC   *float64 `toml:"design_drybulb_c"`
	ApproachK        *float64 `toml:"approach_k"`
	FanKW            *float64 `toml:"fan_kw"`
	MinSpeedFrac     *float64 `toml:"min_speed_frac"`
	Adiabatic        *bool    `toml:"adiabatic"`
	PadEffectiveness *float64 `toml:"pad_effectiveness"`
	SprayAboveC      *float64 `toml:"spray_above_c"`
	Cycles           *float64 `toml:"cycles"`
}

type trimSpec struct {
	Count      *int64   `toml:"count"`
	CapacityKW *float64 `toml:"capacity_kw"`
	COP        *float64 `toml:"cop"`
}

type asSpec struct {
	Units             *int64   `toml:"units"`
	UnitAirflowM3S    *float64 `toml:"unit_airflow_m3s"`
	UnitFanKW         *float64 `toml:"unit_fan_kw"`
	MinSpeedFrac      *float64 `toml:"min_speed_frac"`
	SupplyAirC        *float64 `toml:"supply_air_c"`
	ReturnAirC        *float64 `toml:"return_air_c"`
	Envelope          *string  `toml:"envelope"`
	DirectEff         *float64 `toml:"direct_effectiveness"`
	WetBulbEff        *float64 `toml:"wetbulb_effectiveness"`
	DryEff            *float64 `toml:"dry_effectiveness"`
	SecondaryFanKW    *float64 `toml:"secondary_fan_kw"`
	SecondaryAirRatio *float64 `toml:"secondary_air_ratio"`
	Cycles            *float64 `toml:"cycles"`
}

type hrSpec struct {
	DemandKW      *float64 `toml:"demand_kw"`
	SupplyC       *float64 `toml:"supply_c"`
	CarnotFrac    *float64 `toml:"carnot_frac"`
	ApproachK     *float64 `toml:"approach_k"`
	BelowDryBulbC *float64 `toml:"below_drybulb_c"`
}

type crahSpec struct {
	SupplyAirC     *float64 `toml:"supply_air_c"`
	ReturnAirC     *float64 `toml:"return_air_c"`
	Units          *int64   `toml:"units"`
	UnitAirflowM3S *float64 `toml:"unit_airflow_m3s"`
	UnitFanKW      *float64 `toml:"unit_fan_kw"`
	MinSpeedFrac   *float64 `toml:"min_speed_frac"`
}

type cduSpec struct {
	CapacityKW   *float64 `toml:"capacity_kw"`
	PumpKW       *float64 `toml:"pump_kw"`
	MinSpeedFrac *float64 `toml:"min_speed_frac"`
}

type chwSpec struct {
	SupplyC        *float64 `toml:"supply_c"`
	DeltaTK        *float64 `toml:"delta_t_k"`
	PumpKW         *float64 `toml:"pump_kw"`
	MinFlowFrac    *float64 `toml:"min_flow_frac"`
	StaticHeadFrac *float64 `toml:"static_head_frac"`
}

type chSpec struct {
	Count      *int64   `toml:"count"`
	CapacityKW *float64 `toml:"capacity_kw"`
	COP        *float64 `toml:"cop"`
	Curves     *string  `toml:"curves"`
	StagePLR   *float64 `toml:"stage_plr"`
}

type condSpec struct {
	DeltaTK   *float64 `toml:"delta_t_k"`
	PumpKW    *float64 `toml:"pump_kw"`
	SetpointC *float64 `toml:"setpoint_c"`
}

type twSpec struct {
	Cells           *int64   `toml:"cells"`
	CellCapacityKW  *float64 `toml:"cell_capacity_kw"`
	FanKW           *float64 `toml:"fan_kw"`
	MinFanSpeedFrac *float64 `toml:"min_fan_speed_frac"`
	DesignLG        *float64 `toml:"design_lg"`
	DriftPct        *float64 `toml:"drift_pct"`
	Cycles          *float64 `toml:"cycles"`
}

type ecoSpec struct {
	Enabled   *bool    `toml:"enabled"`
	ApproachK *float64 `toml:"approach_k"`
}

type gridSpec struct {
	CarbonGPerKWh *float64 `toml:"carbon_g_per_kwh"`
	CarbonFile    *string  `toml:"carbon_file"`
	Wrap          *bool    `toml:"wrap"`
	MaxFillH      *int64   `toml:"max_fill_h"`

	LimitKW              *float64           `toml:"limit_kw"`
	FlexibleITFrac       *float64           `toml:"flexible_it_frac"`
	WaterConsumptionLKWh *float64           `toml:"water_consumption_l_per_kwh"`
	WaterWithdrawalLKWh  *float64           `toml:"water_withdrawal_l_per_kwh"`
	CFEFrac              *float64           `toml:"cfe_frac"`
	WaterStressFactor    *float64           `toml:"water_stress_factor"`
	ResidualMixGPerKWh   *float64           `toml:"residual_mix_g_per_kwh"`
	GOFrac               *float64           `toml:"go_frac"`
	Source               *string            `toml:"source"`
	Factors              map[string]float64 `toml:"factors"`
}

type waterSpec struct {
	StressFactor  *float64 `toml:"stress_factor"`
	PotableFrac   *float64 `toml:"potable_frac"`
	ReclaimedFrac *float64 `toml:"reclaimed_frac"`
	Source        *string  `toml:"source"`
}

type pvSpec struct {
	CapacityKW  *float64 `toml:"capacity_kw"`
	TiltDeg     *float64 `toml:"tilt_deg"`
	AzimuthDeg  *float64 `toml:"azimuth_deg"`
	LossesPct   *float64 `toml:"losses_pct"`
	InverterEff *float64 `toml:"inverter_eff"`
	DCACRatio   *float64 `toml:"dc_ac_ratio"`
	Albedo      *float64 `toml:"albedo"`
}

type batterySpec struct {
	EnergyKWh      *float64 `toml:"energy_kwh"`
	PowerKW        *float64 `toml:"power_kw"`
	RoundTripEff   *float64 `toml:"round_trip_eff"`
	MinSoCFrac     *float64 `toml:"min_soc_frac"`
	MaxSoCFrac     *float64 `toml:"max_soc_frac"`
	InitialSoCFrac *float64 `toml:"initial_soc_frac"`
	Dispatch       *string  `toml:"dispatch"`
	PeakShaveKW    *float64 `toml:"peak_shave_kw"`
}

type genSpec struct {
	CapacityKW    *float64 `toml:"capacity_kw"`
	TestHPerMonth *float64 `toml:"test_h_per_month"`
	TestLoadFrac  *float64 `toml:"test_load_frac"`
}

type cleanSpec struct {
	KW        *float64 `toml:"kw"`
	File      *string  `toml:"file"`
	Wrap      *bool    `toml:"wrap"`
	Renewable *bool    `toml:"renewable"`
	Source    *string  `toml:"source"`
}

type tariffSpec struct {
	Currency         *string   `toml:"currency"`
	EnergyPerKWh     *float64  `toml:"energy_per_kwh"`
	PriceFile        *string   `toml:"price_file"`
	PriceWrap        *bool     `toml:"price_wrap"`
	DemandPerKWMonth *float64  `toml:"demand_per_kw_month"`
	WaterPerM3       *float64  `toml:"water_per_m3"`
	SewerPerM3       *float64  `toml:"sewer_per_m3"`
	FuelPerL         *float64  `toml:"fuel_per_l"`
	TOU              []touSpec `toml:"tou"`
}

type touSpec struct {
	StartH      *int64   `toml:"start_h"`
	EndH        *int64   `toml:"end_h"`
	Days        *string  `toml:"days"`
	PricePerKWh *float64 `toml:"price_per_kwh"`
	FirstMonth  *int64   `toml:"first_month"`
	LastMonth   *int64   `toml:"last_month"`
}

func or[T any](p *T, def T) T {
	if p == nil {
		return def
	}
	return *p
}

func orDuration(p *string, def time.Duration) time.Duration {
	if p == nil {
		return def
	}
	d, err := time.ParseDuration(*p)
	if err != nil {
		return def // reported by the checker
	}
	return d
}
