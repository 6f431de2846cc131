package thermal

// Class is an ASHRAE TC 9.9 environmental class for air-cooled IT equipment:
// the recommended and allowable ranges of the dry-bulb temperature of the air
// entering the equipment (Thermal Guidelines for Data Processing
// Environments, 5th ed., ASHRAE 2021). Humidity limits (dew point −9 to
// 15 °C and RH ≤ 60 % recommended) are not evaluated: the room's humidity is
// not modelled.
type Class struct {
	Name                             string
	RecommendedMinC, RecommendedMaxC float64 // °C
	AllowableMinC, AllowableMaxC     float64 // °C
}

// Classes are the air-cooled classes A1–A4. The recommended envelope,
// 18–27 °C, is common to all of them.
var Classes = []Class{
	{Name: "A1", RecommendedMinC: 18, RecommendedMaxC: 27, AllowableMinC: 15, AllowableMaxC: 32},
	{Name: "A2", RecommendedMinC: 18, RecommendedMaxC: 27, AllowableMinC: 10, AllowableMaxC: 35},
	{Name: "A3", RecommendedMinC: 18, RecommendedMaxC: 27, AllowableMinC: 5, AllowableMaxC: 40},
	{Name: "A4", RecommendedMinC: 18, RecommendedMaxC: 27, AllowableMinC: 5, AllowableMaxC: 45},
}

// LookupClass returns the class called name ("A1".."A4").
func LookupClass(name string) (Class, bool) {
	for _, c := range Classes {
		if c.Name == name {
			return c, true
		}
	}
	return Class{}, false
}

// ClassNames returns the names of Classes in order.
func ClassNames() []string {
	names := make([]string, len(Classes))
	for i, c := range Classes {
		names[i] = c.Name
	}
	return names
}
