package division

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEmbeddedTable(t *testing.T) {
	_, err := buildIndex(divisionsTSV, manualTSV)
	require.NoError(t, err)
}

func TestBuildIndexErrors(t *testing.T) {
	tests := []struct {
		name, generated, manual, want string
	}{
		{"malformed code", "37011\t莱芜\n", "", "divisions.tsv:1: malformed code"},
		{"missing field", "370116\n", "", "line 1: want 2 fields"},
		{"duplicate", "370000\t山东省\n370000\t山东省\n", "", "divisions.tsv:2: duplicate code 370000"},
		{"bad status", "370000\t山东省\n", "371200\t莱芜市\tgone\t\tx\n", "manual.tsv:1: status \"gone\""},
		{"unknown successor", "370000\t山东省\n", "371200\t莱芜市\tretired\t370116\tx\n", "successor 370116 is not a current division"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := buildIndex(tt.generated, tt.manual)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
