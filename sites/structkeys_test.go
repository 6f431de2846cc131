package sites

import (
	"reflect"
	"strings"
)

// structKeys lists the TOML key paths of the fields of v's type.
func structKeys(v any, prefix string) []string {
	return walkType(reflect.TypeOf(v), prefix)
}

func walkType(t reflect.Type, prefix string) []string {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		p := name
		if prefix != "" {
			p = prefix + "." + name
		}
		out = append(out, p)
		ft := f.Type
		for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct && ft.String() != "time.Time" {
			out = append(out, walkType(ft, p)...)
		}
	}
	return out
}
