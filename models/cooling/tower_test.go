package cooling

import (
	"math"
	"testing"
)

// REFERENCE.md §2.4: YorkCalc approach vectors (pure polynomial evaluations).
func TestYorkCalcApproach(t *testing.T) {
	for _, v := range []struct{ twb, r, frw, fra, want float64 }{
		{25.6, 5.56, 1, 1, 3.8345},
		{25.6, 5.56, 1, 0.5, 8.6633},
		{20, 5.56, 1, 1, 5.0580},
		{15, 5, 1, 1, 5.8207},
		{25.6, 5.56, 0.75, 1, 2.6266},
	} {
		if got := YorkCalcApproach(v.twb, v.r, v.frw, v.fra); math.Abs(got-v.want) > 1e-3 {
			t.Errorf("YorkCalcApproach(%g, %g, %g, %g) = %.4f, want %.4f", v.twb, v.r, v.frw, v.fra, got, v.want)
		}
	}
}

func testTower() Tower {
	return Tower{Cells: 4, CellKW: 4000, FanKW: 44, MinFanSpeed: 0.2, DesignLG: 1.2}
}

func TestTowerMeetsSetpointWithSlowestFan(t *testing.T) {
	tw := testTower()
	flow := 3 * tw.CellWaterM3S()
	heat := 3 * 3500.0
	s := tw.operate(18, heat, flow, 26)
	if math.Abs(s.leavingC-26) > 1e-3 {
		t.Fatalf("leaving water %.4f °C, want the 26 °C set point", s.leavingC)
	}
	if s.frAir <= tw.MinFanSpeed || s.frAir >= 1 {
		t.Fatalf("fan speed %.3f should modulate between minimum and full", s.frAir)
	}
	// A warmer wet bulb needs more air for the same set point.
	if s2 := tw.operate(20, heat, flow, 26); !(s2.frAir > s.frAir && s2.fanKW > s.fanKW) {
		t.Errorf("wet bulb 20 °C: fan %.3f (%.1f kW), not above %.3f (%.1f kW) at 18 °C", s2.frAir, s2.fanKW, s.frAir, s.fanKW)
	}
	// Fan power follows the cube of the speed.
	want := float64(s.cells) * tw.FanKW * math.Pow(s.frAir, 3)
	if math.Abs(s.fanKW-want) > 1e-9 {
		t.Errorf("fan power %g kW, want %g", s.fanKW, want)
	}
}

func TestTowerAtFullSpeedWhenSetpointUnreachable(t *testing.T) {
	tw := testTower()
	flow := 4 * tw.CellWaterM3S()
	s := tw.operate(26, 4*4000, flow, 27)
	if s.frAir != 1 {
		t.Fatalf("fan speed %g, want full speed", s.frAir)
	}
	if want := 26 + YorkCalcApproach(26, 4*4000/(waterRhoCp*flow), 1, 1); math.Abs(s.leavingC-want) > 1e-9 {
		t.Errorf("leaving %g, want %g", s.leavingC, want)
	}
}

func TestTowerCellsShareFlow(t *testing.T) {
	tw := testTower()
	for _, c := range []struct {
		flowCells float64
		want      int
	}{{0.5, 1}, {1, 1}, {2, 2}, {3, 4}, {4, 4}, {6, 4}} {
		if got := tw.cellsFor(c.flowCells * tw.CellWaterM3S()); got != c.want {
			t.Errorf("cells for %g cells' flow = %d, want %d", c.flowCells, got, c.want)
		}
	}
}
