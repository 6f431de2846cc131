// Package it simulates the IT load of a data centre: groups of racks whose
// electric power follows their utilisation and their inlet air temperature,
// and whose heat splits between the room air and liquid (direct-to-chip)
// loops.
//
// # Model
//
// Every rack is simulated individually. The utilisation of rack r of a group
// at step t is
//
//	u_r(t) = clamp(u_g(t) + bias_r + noise_r(t), 0, 1)
//
// where u_g is the group's Workload (a built-in profile or an hourly trace),
// bias_r a static offset drawn once per rack from N(0, RackBiasSD), and
// noise_r an AR(1) process with stationary standard deviation NoiseSD and
// correlation time NoiseTau. Every rack draws from its own random generator,
// seeded from the fleet seed, the group index and the rack index, so results
// do not depend on how the racks are split across goroutines.
//
// The electric power of a rack is a compute part and a fan part:
//
//	P_c = PeakKW·(1 − FanFrac)·(IdleFrac + (1 − IdleFrac)·shape(u))
//	P_f = PeakKW·FanFrac·(s(u)·m(T_in))³
//	s(u) = FanMinSpeed + (1 − FanMinSpeed)·u
//	m(T) = min(1 + FanSpeedPerK·max(0, T − FanRampC), FanMaxBoost)
//
// with shape(u) = u (CurveLinear) or 2u − u^1.4 (CurveConcave, Fan, Weber and
// Barroso 2007). The fan part follows the structure of the EnergyPlus object
// ElectricEquipment:ITE:AirCooled: fan air flow is a function of load and
// inlet temperature, and fan power a function of flow, here the cube of the
// affinity laws. A rack's inlet runs 0, 1/3, 2/3 or all of InletSpreadK
// above the supply air (rack r is in inlet class r mod 4), for air that
// recirculates more at some rack positions than at others. All electric power becomes
// heat: LiquidFrac of the compute part goes to liquid, the rest and all fan
// power to the room air.
//
// # Units and conventions
//
// Power in kW, temperatures in °C, temperature differences in K, utilisation
// and fractions in 0..1, durations as time.Duration. Steps are numbered from
// 0 at the start of the simulated period; a Calendar places them in time.
//
// # Use
//
// NewFleet builds the racks of one site. Compute advances all racks through a
// block of steps in parallel shards and keeps per-step sums that do not depend
// on temperature; Step then gives the power of one step of that block for a
// given supply air temperature, so that a cooling model can iterate on the
// supply temperature cheaply. Results are bit-identical for any GOMAXPROCS
// and any block size. Step never allocates, nor does Compute on one
// goroutine; in parallel, the runtime's hand-off between goroutines
// allocates a 112-byte wait record now and then (about one per 2,500
// Computes measured).
package it
