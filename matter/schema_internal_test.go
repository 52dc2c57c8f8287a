package matter

import (
	"encoding/json"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSchemasMatchGoTypes checks that each schema object lists exactly the
// json fields of its Go type, so that a field added to a type cannot be
// forgotten in the published schema (additionalProperties would then
// refuse it in every file).
func TestSchemasMatchGoTypes(t *testing.T) {
	_, err := entrySchemas()
	require.NoError(t, err, "the embedded schemas compile")
	docs := map[string]any{}
	for _, name := range []string{"common.json", "matters.json", "bundles.json", "overlays.json", "negative.json", "outlets.json"} {
		b, err := fs.ReadFile(Schemas(), name)
		require.NoError(t, err)
		var v any
		require.NoError(t, json.Unmarshal(b, &v))
		docs[name] = v
	}
	// at follows a path of keys from a document.
	at := func(doc string, path ...string) map[string]any {
		v := docs[doc]
		for _, k := range path {
			m, ok := v.(map[string]any)
			require.True(t, ok, "%s %v", doc, path)
			v = m[k]
		}
		m, ok := v.(map[string]any)
		require.True(t, ok, "%s %v", doc, path)
		return m
	}
	matter := []string{"$defs", "matter", "properties"}
	bundle := []string{"$defs", "bundle", "properties"}
	for _, tc := range []struct {
		typ  any
		doc  string
		path []string
	}{
		{Matter{}, "matters.json", []string{"$defs", "matter"}},
		{Item{}, "matters.json", append(slices.Clone(matter), "items", "items")},
		{ProcessStep{}, "matters.json", append(slices.Clone(matter), "process", "items")},
		{Fee{}, "matters.json", append(slices.Clone(matter), "fee")},
		{Result{}, "matters.json", append(slices.Clone(matter), "result")},
		{Department{}, "common.json", []string{"$defs", "department"}},
		{TimeLimit{}, "common.json", []string{"$defs", "timeLimit"}},
		{Place{}, "common.json", []string{"$defs", "place"}},
		{Contacts{}, "common.json", []string{"$defs", "contacts"}},
		{Material{}, "common.json", []string{"$defs", "material"}},
		{Bundle{}, "bundles.json", []string{"$defs", "bundle"}},
		{Member{}, "bundles.json", append(slices.Clone(bundle), "members", "items")},
		{Plan{}, "bundles.json", append(slices.Clone(bundle), "plan")},
		{Step{}, "bundles.json", append(slices.Clone(bundle), "plan", "properties", "steps", "items")},
		{Slot{}, "bundles.json", append(slices.Clone(bundle), "plan", "properties", "steps", "items", "properties", "slots", "items")},
		{Overlay{}, "overlays.json", []string{"$defs", "overlay"}},
		{NegativeEntry{}, "negative.json", []string{"$defs", "entry"}},
		{Outlet{}, "outlets.json", []string{"$defs", "outlet"}},
	} {
		typ := reflect.TypeOf(tc.typ)
		t.Run(typ.Name(), func(t *testing.T) {
			obj := at(tc.doc, tc.path...)
			assert.Equal(t, false, obj["additionalProperties"], "additionalProperties")
			var schemaFields []string
			for k := range obj["properties"].(map[string]any) {
				schemaFields = append(schemaFields, k)
			}
			var goFields []string
			for f := range typ.Fields() {
				name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				if f.IsExported() && name != "-" {
					goFields = append(goFields, name)
				}
			}
			assert.ElementsMatch(t, goFields, schemaFields)
			// Every required property is a field.
			req, _ := obj["required"].([]any)
			for _, r := range req {
				assert.Contains(t, goFields, r)
			}
		})
	}
}
