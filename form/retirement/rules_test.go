package retirement_test

import (
	"errors"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/form/retirement"
)

func month(t *testing.T, s string) retirement.Month {
	t.Helper()
	m, err := retirement.ParseMonth(s)
	require.NoError(t, err)
	return m
}

// Worked cases from the reform's annex tables and FACTS.md.
func TestStatutory(t *testing.T) {
	r := retirement.Default()
	cases := []struct {
		name    string
		birth   string
		cat     retirement.Category
		age     retirement.Age
		retires string
	}{
		{"man born before the reform cohort", "1964-12", retirement.Male, retirement.Years(60, 0), "2024-12"},
		{"man born 1965-01 (FACTS: 2025-02, not 2025-01)", "1965-01", retirement.Male, retirement.Years(60, 1), "2025-02"},
		{"man born 1965-04 still one month", "1965-04", retirement.Male, retirement.Years(60, 1), "2025-05"},
		{"man born 1965-05 two months", "1965-05", retirement.Male, retirement.Years(60, 2), "2025-07"},
		{"man born 1970-01", "1970-01", retirement.Male, retirement.Years(61, 4), "2031-05"},
		{"man born 1976-08 one month short", "1976-08", retirement.Male, retirement.Years(62, 11), "2039-07"},
		{"man born 1976-09 reaches 63", "1976-09", retirement.Male, retirement.Years(63, 0), "2039-09"},
		{"man born 1990-01 capped at 63", "1990-01", retirement.Male, retirement.Years(63, 0), "2053-01"},
		{"woman cadre born 1969-12", "1969-12", retirement.FemaleCadre, retirement.Years(55, 0), "2024-12"},
		{"woman cadre born 1970-01", "1970-01", retirement.FemaleCadre, retirement.Years(55, 1), "2025-02"},
		{"woman cadre born 1981-09 reaches 58", "1981-09", retirement.FemaleCadre, retirement.Years(58, 0), "2039-09"},
		{"woman worker born 1974-12", "1974-12", retirement.FemaleWorker, retirement.Years(50, 0), "2024-12"},
		{"woman worker born 1975-01 (FACTS: 50y1m)", "1975-01", retirement.FemaleWorker, retirement.Years(50, 1), "2025-02"},
		{"woman worker born 1975-03", "1975-03", retirement.FemaleWorker, retirement.Years(50, 2), "2025-05"},
		{"woman worker born 1984-11 reaches 55", "1984-11", retirement.FemaleWorker, retirement.Years(55, 0), "2039-11"},
		{"woman worker born 1995-06 capped at 55", "1995-06", retirement.FemaleWorker, retirement.Years(55, 0), "2050-06"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := month(t, c.birth)
			age, err := r.Statutory(b, c.cat)
			require.NoError(t, err)
			assert.Equal(t, c.age, age, "%s ≠ %s", age, c.age)
			assert.Equal(t, c.retires, b.Add(int(age)).String())
		})
	}
}

func TestCheck(t *testing.T) {
	r := retirement.Default()
	cases := []struct {
		name      string
		birth     string
		cat       retirement.Category
		kind      retirement.Kind
		requested string
		want      retirement.Outcome
		earliest  string
	}{
		{"man 1965-01 in 2025-02", "1965-01", retirement.Male, retirement.Normal, "2025-02", retirement.OK, "2025-02"},
		{"man 1965-01 in 2025-01 is too early", "1965-01", retirement.Male, retirement.Normal, "2025-01", retirement.TooEarly, "2025-02"},
		{"man 1965-05 in 2025-06 is too early", "1965-05", retirement.Male, retirement.Normal, "2025-06", retirement.TooEarly, "2025-07"},
		{"woman worker 1975-01 in 2025-02", "1975-01", retirement.FemaleWorker, retirement.Normal, "2025-02", retirement.OK, "2025-02"},
		{"flexible never below the old age", "1965-01", retirement.Male, retirement.Flexible, "2024-12", retirement.TooEarly, "2025-01"},
		{"flexible at the old age", "1965-01", retirement.Male, retirement.Flexible, "2025-01", retirement.OK, "2025-01"},
		{"flexible at the statutory month is not early", "1965-01", retirement.Male, retirement.Flexible, "2025-02", retirement.NotEarly, "2025-01"},
		// born 1975-01: statutory 62y7m (2037-08); three years early is
		// 59y7m, below the old 60, so the earliest is 60 (2035-01).
		{"flexible man born 1975-01 at 60", "1975-01", retirement.Male, retirement.Flexible, "2035-01", retirement.OK, "2035-01"},
		// born 1980-01: statutory 63 (2043-01); three years early is 60.
		{"flexible man born 1980-01 three years early", "1980-01", retirement.Male, retirement.Flexible, "2040-01", retirement.OK, "2040-01"},
		{"flexible man born 1980-01 more than three years early", "1980-01", retirement.Male, retirement.Flexible, "2039-12", retirement.TooEarly, "2040-01"},
		{"flexible woman worker born 1985-01 three years early", "1985-01", retirement.FemaleWorker, retirement.Flexible, "2037-01", retirement.OK, "2037-01"},
		{"delay within three years", "1965-01", retirement.Male, retirement.Normal, "2028-02", retirement.OK, "2025-02"},
		{"delay beyond three years", "1965-01", retirement.Male, retirement.Normal, "2028-03", retirement.AfterDelayLimit, "2025-02"},
		{"special work at 55", "1970-03", retirement.Male, retirement.SpecialWork, "2025-03", retirement.OK, "2025-03"},
		{"special work before 55", "1970-03", retirement.Male, retirement.SpecialWork, "2025-02", retirement.TooEarly, "2025-03"},
		{"illness woman at 45", "1980-06", retirement.FemaleWorker, retirement.Illness, "2025-06", retirement.OK, "2025-06"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := r.Check(month(t, c.birth), c.cat, c.kind, month(t, c.requested))
			require.NoError(t, err)
			assert.Equal(t, c.want, d.Outcome)
			assert.Equal(t, c.earliest, d.Earliest.String())
		})
	}
	_, err := r.Check(month(t, "1970-01"), "boy", retirement.Normal, month(t, "2030-01"))
	assert.True(t, errors.Is(err, retirement.ErrInvalid))
	_, err = r.Check(month(t, "1970-01"), retirement.Male, "whenever", month(t, "2030-01"))
	assert.True(t, errors.Is(err, retirement.ErrInvalid))
}

func TestMinContribution(t *testing.T) {
	r := retirement.Default()
	for _, c := range []struct{ month, years string }{
		{"2025-02", "15"}, {"2029-12", "15"}, {"2030-01", "15.5"}, {"2031-06", "16"},
		{"2035-01", "18"}, {"2039-01", "20"}, {"2060-01", "20"},
	} {
		y, ok := r.MinContribution(month(t, c.month))
		require.True(t, ok, c.month)
		assert.Equal(t, c.years, y.String(), c.month)
	}
	_, ok := r.MinContribution(month(t, "1990-01"))
	assert.False(t, ok)
}

func TestParseMonth(t *testing.T) {
	m, err := retirement.ParseMonth("2025-02-28")
	require.NoError(t, err)
	assert.Equal(t, retirement.MonthFor(2025, time.February), m)
	for _, bad := range []string{"", "2025-13", "2025-02-30", "20250-1", "2025/02", "0999-01", "2025-+1", "+025-01"} {
		_, err := retirement.ParseMonth(bad)
		assert.Error(t, err, bad)
	}
	assert.Equal(t, "60岁1个月", retirement.Years(60, 1).ZH())
	assert.Equal(t, "60 years 2 months", retirement.Years(60, 2).String())
	assert.Equal(t, "63岁", retirement.Years(63, 0).ZH())
}

func TestParseRejects(t *testing.T) {
	_, err := retirement.Parse([]byte(`{"basis":"x"}`))
	assert.True(t, errors.Is(err, retirement.ErrInvalid))
	_, err = retirement.Parse([]byte(`not json`))
	assert.True(t, errors.Is(err, retirement.ErrInvalid))
	assert.Contains(t, string(retirement.Schema()), retirement.SchemaID)
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`{}`))
	f.Add(retirement.Schema())
	if b, err := os.ReadFile("rules.json"); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := retirement.Parse(b)
		if err != nil {
			return
		}
		for _, c := range retirement.Categories() {
			_, _ = r.Check(retirement.MonthFor(1970, 1), c, retirement.Flexible, retirement.MonthFor(2030, 1))
		}
	})
}
