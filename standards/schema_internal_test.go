package standards

import (
	"encoding/json"
	"io/fs"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSchemaVocabulary checks that the published schema and the Go code
// name the same rules and required elements.
func TestSchemaVocabulary(t *testing.T) {
	b, err := fs.ReadFile(Schemas(), "standards.json")
	require.NoError(t, err)
	var doc struct {
		Defs struct {
			Requirement struct {
				Properties struct {
					Rule struct {
						Enum []Rule `json:"enum"`
					} `json:"rule"`
				} `json:"properties"`
				AllOf []struct {
					Then struct {
						Properties struct {
							Elements struct {
								Items struct {
									Enum []string `json:"enum"`
								} `json:"items"`
							} `json:"elements"`
						} `json:"properties"`
					} `json:"then"`
				} `json:"allOf"`
			} `json:"requirement"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(b, &doc))
	assert.Equal(t, Rules(), doc.Defs.Requirement.Properties.Rule.Enum)
	var elems []string
	for _, a := range doc.Defs.Requirement.AllOf {
		elems = append(elems, a.Then.Properties.Elements.Items.Enum...)
	}
	slices.Sort(elems)
	assert.Equal(t, Elements(), elems)

	_, err = schemas()
	require.NoError(t, err, "the embedded schemas compile")
	_, err = fs.ReadFile(Schemas(), "tree.json")
	assert.NoError(t, err)
}
