package weather

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzReadEPW feeds ReadEPW arbitrary text, alone and in place of the records
// of Jan 1 in an otherwise valid year, so that mutations of valid records get
// parsed. It checks that ReadEPW never panics, and that every year it accepts
// satisfies the invariants of checkYear.
func FuzzReadEPW(f *testing.F) {
	full := epwText(epwOptions{lineEnd: "\n"})
	headerEnd := strings.Index(full, "DATA PERIODS")
	headerEnd += strings.IndexByte(full[headerEnd:], '\n') + 1
	lines := strings.SplitAfter(full[headerEnd:], "\n")
	header := full[:headerEnd]
	day1 := strings.Join(lines[:24], "")
	rest := strings.Join(lines[24:], "")

	f.Add([]byte(day1))
	f.Add([]byte(strings.ReplaceAll(day1, "\n", "\r")))
	f.Add([]byte("\uFEFF" + strings.ReplaceAll(day1, "\n", "\r\n")))
	f.Add([]byte(strings.Replace(day1, ",99", ",99.9", 1)))           // a missing pressure marker
	f.Add([]byte(strings.Replace(day1, ",1,1,5,0,", ",1,1,4,0,", 1))) // a duplicate hour
	f.Add([]byte(strings.Replace(day1, ",1,1,", ",1,1.5,", 1)))
	f.Add([]byte("LOCATION,Nowhere,,,,,0,0,0,0\nDATA PERIODS,1,2,Data,Sunday,1/1,12/31\n1999,1,1,1,30," + strings.Repeat("0,", 30)))
	f.Add([]byte("1999,2,29,1,0,x,1,0,90,100000,0,0,0,0,0,0,0,0,0,0,0,1\n"))
	f.Add([]byte(",,,,\n\n\r\r\n,"))
	f.Add([]byte(strings.ReplaceAll(day1, ",0,?", ",60,?")))

	f.Fuzz(func(t *testing.T, data []byte) {
		for _, text := range [][]byte{data, []byte(header + string(data) + rest)} {
			y, err := ReadEPW(bytes.NewReader(text), "fuzz.epw")
			if err != nil {
				if y != nil {
					t.Fatal("a year and an error")
				}
				continue
			}
			checkYear(t, y)
		}
	})
}
