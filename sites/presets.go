package sites

import "github.com/dctwin/dctwin/models/it"

// rackPreset holds the defaults a rack kind gives its group.
type rackPreset struct {
	peakKW, idleFrac float64
	curve            it.Curve
	fanFrac          float64
	liquidFrac       float64
	noiseSD          float64
	workload         string
}

// rackPresets are the rack kinds. Sources for the figures (REFERENCE.md §5):
//   - cpu: a 15 kW rack of dual-socket servers; idle at 35 % of peak, within
//     the 0.3–0.6 range of SPECpower-era servers (Ryckbosch et al. 2011), with
//     the concave power curve of Fan, Weber & Barroso (2007); fans 8 % of peak.
//   - gpu-air: four DGX H100 systems of about 10.2 kW each (NVIDIA DGX H100
//     User Guide, via secondary summaries), air-cooled, fans 12 % of peak.
//   - gpu-liquid: a GB200 NVL72-class rack, about 120–132 kW, liquid cooling
//     required, 85–95 % of its heat captured by direct-to-chip cold plates;
//     we take 125 kW and 90 %.
//   - gb200: the same rack by its name, NVIDIA GB200 NVL72.
var rackPresets = map[string]rackPreset{
	"cpu":        {peakKW: 15, idleFrac: 0.35, curve: it.CurveConcave, fanFrac: 0.08, liquidFrac: 0, noiseSD: 0.05, workload: "diurnal"},
	"gpu-air":    {peakKW: 41, idleFrac: 0.25, curve: it.CurveLinear, fanFrac: 0.12, liquidFrac: 0, noiseSD: 0.02, workload: "training"},
	"gpu-liquid": {peakKW: 125, idleFrac: 0.25, curve: it.CurveLinear, fanFrac: 0.03, liquidFrac: 0.9, noiseSD: 0.02, workload: "training"},
	"gb200":      {peakKW: 125, idleFrac: 0.25, curve: it.CurveLinear, fanFrac: 0.03, liquidFrac: 0.9, noiseSD: 0.02, workload: "training"},
}

func rackKindNames() []string { return []string{"cpu", "gpu-air", "gpu-liquid", "gb200"} }
