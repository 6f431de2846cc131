package sites

import (
	"fmt"

	"github.com/dctwin/dctwin/models/weather"
)

// The key table takes its climate names and weather defaults from package
// weather, so that documentation and behaviour cannot drift apart.
func init() {
	var ids []string
	for _, c := range weather.Climates() {
		ids = append(ids, c.ID)
	}
	keyIndex["weather.climate"].enum = ids
	keyIndex["weather.custom.daily_sd_k"].def = fmt.Sprintf("%g each month", weather.DefaultDailyMeanSDK)
	keyIndex["weather.custom.daily_ar1"].def = fmt.Sprintf("%g each month", weather.DefaultDailyAnomAR1)
}
