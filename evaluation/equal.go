package evaluation

import (
	"reflect"
	"time"

	"github.com/onething-gov/onething/matter"
)

var (
	timeType = reflect.TypeFor[time.Time]()
	dateType = reflect.TypeFor[matter.Date]()
)

// sameRecord reports whether two records of this package are equal apart
// from their Version field: times (and matter.Dates) are compared as
// instants, ignoring zone and monotonic clock reading, and a nil slice or
// map equals an empty one. A store that round trips records through a
// database loses the monotonic reading and often the zone, and may not
// tell nil from empty; neither makes a record different.
func sameRecord[T any](a, b *T) bool {
	if a == nil || b == nil {
		return a == b
	}
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	if va.Kind() != reflect.Struct {
		return equalValue(va, vb)
	}
	for i := range va.NumField() {
		if va.Type().Field(i).Name == "Version" {
			continue
		}
		if !equalValue(va.Field(i), vb.Field(i)) {
			return false
		}
	}
	return true
}

func equalValue(a, b reflect.Value) bool {
	switch a.Type() {
	case timeType:
		return a.Interface().(time.Time).Equal(b.Interface().(time.Time))
	case dateType:
		return a.Interface().(matter.Date).Time().Equal(b.Interface().(matter.Date).Time())
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return equalValue(a.Elem(), b.Elem())
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !equalValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() {
			return false
		}
		for it := a.MapRange(); it.Next(); {
			v := b.MapIndex(it.Key())
			if !v.IsValid() || !equalValue(it.Value(), v) {
				return false
			}
		}
		return true
	case reflect.Struct:
		if !exportedFields(a.Type()) {
			// A value type of another package, such as citizenid.ID.
			return a.Interface() == b.Interface()
		}
		for i := range a.NumField() {
			if !equalValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return a.Elem().Type() == b.Elem().Type() && equalValue(a.Elem(), b.Elem())
	default:
		return a.Equal(b)
	}
}

// exportedFields reports whether every field of struct type t is exported.
func exportedFields(t reflect.Type) bool {
	for i := range t.NumField() {
		if !t.Field(i).IsExported() {
			return false
		}
	}
	return true
}
