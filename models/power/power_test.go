package power

import (
	"math"
	"testing"
)

func TestStageEfficiencyCurve(t *testing.T) {
	ups := DefaultUPS
	ups.RatingKW = 1000
	for _, c := range []struct{ x, want float64 }{
		{0.25, 0.9456}, {0.5, 0.9615}, {0.75, 0.9654}, {1, 0.9662},
	} {
		if got := ups.Efficiency(c.x); math.Abs(got-c.want) > 5e-4 {
			t.Errorf("UPS efficiency at %.0f %% load = %.4f, want %.4f", c.x*100, got, c.want)
		}
	}
	// Efficiency falls at light load, where the no-load loss dominates.
	if ups.Efficiency(0.1) >= ups.Efficiency(0.5) {
		t.Errorf("efficiency at 10 %% load %.4f not below that at 50 %% %.4f", ups.Efficiency(0.1), ups.Efficiency(0.5))
	}
	tr := DefaultTransformer
	tr.RatingKW = 2500
	if e := tr.Efficiency(0.5); e < 0.994 || e > 0.997 {
		t.Errorf("transformer efficiency at half load = %.4f, want about 0.995", e)
	}
}

func TestChainConservesPower(t *testing.T) {
	c := Chain{
		Transformer: withRating(DefaultTransformer, 16000),
		UPS:         withRating(DefaultUPS, 12000),
		PDU:         withRating(DefaultPDU, 12000),
		LightingKW:  50, OfficeKW: 150,
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	it, cooling := 8000.0, 1500.0
	f := c.Critical(it)
	loss := c.Utility(&f, it, cooling)
	// What the transformer takes from the utility equals everything delivered plus every loss.
	utility := it + cooling + c.OtherKW() + loss
	delivered := (it + f.PDULossKW + f.UPSLossKW + cooling + c.OtherKW()) + f.TransformerLossKW
	if math.Abs(utility-delivered) > 1e-9 {
		t.Fatalf("utility %g != delivered %g", utility, delivered)
	}
	if f.IndoorLossKW != f.PDULossKW+f.UPSLossKW {
		t.Errorf("indoor loss %g != PDU + UPS %g", f.IndoorLossKW, f.PDULossKW+f.UPSLossKW)
	}
	if r := loss / it; r < 0.03 || r > 0.08 {
		t.Errorf("chain loss %.1f %% of IT; a modern chain loses about 4–6 %%", 100*r)
	}
}

func TestValidateRejects(t *testing.T) {
	for name, s := range map[string]Stage{
		"zero rating":       {Name: "UPS"},
		"negative no-load":  {Name: "UPS", RatingKW: 1, NoLoad: -0.1},
		"efficiency over 1": {Name: "UPS", RatingKW: 1, Square: -0.01},
		"huge loss":         {Name: "UPS", RatingKW: 1, Proportional: 0.5},
	} {
		if s.Validate() == nil {
			t.Errorf("%s: Validate accepted %+v", name, s)
		}
	}
}

func withRating(s Stage, kw float64) Stage { s.RatingKW = kw; return s }
