package policy

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/onething-gov/onething/matter"
)

// Trace explains one decision (in the manner of OpenFisca's /trace): every
// condition and exclusion with its value, every sub-expression, every
// attribute and parameter with the value used, and the amount. Traces are
// built on request by Explain, never for a whole batch.
type Trace struct {
	Result Result `json:"result"`
	// Clauses are the eligibility conditions then the exclusions, all
	// evaluated, even after the outcome was settled.
	Clauses []ClauseTrace `json:"clauses"`
	// Definitions are the named intermediate values that were computed.
	Definitions []DefinitionTrace `json:"definitions,omitempty"`
	// Amount is the formula's evaluation, for an eligible pair.
	Amount *Step `json:"amount,omitempty"`
	// Attributes are the profile attributes the policy reads, known or not.
	Attributes []AttributeUse `json:"attributes"`
	// Parameters are the parameter values used, with the date each took
	// effect and its basis.
	Parameters []ParamUse `json:"parameters"`
}

// ClauseTrace is one evaluated clause.
type ClauseTrace struct {
	Kind  string `json:"kind"` // "eligibility" or "exclusion"
	ID    string `json:"id"`
	ZH    string `json:"zh"`
	EN    string `json:"en"`
	Value string `json:"value"` // "true", "false" or "unknown"
	Step  Step   `json:"step"`
}

// DefinitionTrace is one computed definition.
type DefinitionTrace struct {
	Name  string `json:"name"`
	ZH    string `json:"zh"`
	EN    string `json:"en"`
	Value string `json:"value"`
	Step  Step   `json:"step"`
}

// AttributeUse is an attribute a policy reads, with the profile's value.
type AttributeUse struct {
	Name   string `json:"name"`
	ZH     string `json:"zh"`
	EN     string `json:"en"`
	Value  string `json:"value"` // "unknown" when the profile lacks it
	Known  bool   `json:"known"`
	Unit   string `json:"unit,omitempty"`
	Source string `json:"source,omitempty"`
}

// Explain decides one policy for one profile on day, as Evaluate does, and
// traces the decision.
func Explain(pol *Policy, p *Profile, day matter.Date) (*Trace, error) {
	res, err := Evaluate(pol, p, day)
	if err != nil {
		return nil, err
	}
	e := newEvaluator(pol, day)
	e.f.p = p
	in := newInterp(&e.f, pol)
	t := &Trace{Result: res}
	for _, k := range []struct {
		kind string
		cs   []Clause
	}{{"eligibility", pol.Eligibility}, {"exclusion", pol.Exclusions}} {
		for _, c := range k.cs {
			v, known, st := in.eval(c.When, c.t)
			t.Clauses = append(t.Clauses, ClauseTrace{Kind: k.kind, ID: c.ID, ZH: c.ZH, EN: c.EN,
				Value: triVal(v, known).String(), Step: st})
		}
	}
	if res.Outcome == Eligible || (res.Outcome == Undecidable && res.Clause == "") {
		_, _, st := in.eval(pol.Amount.Expr, pol.Amount.t)
		t.Amount = &st
	}
	for i, d := range pol.Definitions {
		if st := in.defs[i]; st != nil {
			t.Definitions = append(t.Definitions, DefinitionTrace{Name: d.Name, ZH: d.ZH, EN: d.EN, Value: st.Value, Step: *st})
		}
	}
	for _, name := range pol.Attributes() {
		a, _ := p.reg.Attribute(name)
		v, known := p.Value(name)
		if !known {
			v = "unknown"
		}
		t.Attributes = append(t.Attributes, AttributeUse{Name: name, ZH: a.ZH, EN: a.EN, Value: v, Known: known, Unit: a.Unit, Source: a.Source})
	}
	for _, name := range slices.Sorted(maps.Keys(in.params)) {
		t.Parameters = append(t.Parameters, in.params[name])
	}
	return t, nil
}

// Explain writes the trace as text a clerk can read, in Chinese ("zh") or
// English (any other lang).
func (t *Trace) Explain(lang string) string {
	zh := lang == "zh"
	pick := func(z, e string) string {
		if zh {
			return z
		}
		return e
	}
	r := t.Result
	var b strings.Builder
	oz, oe := r.Outcome.Names()
	mz, me := r.Policy.Mode.Names()
	fmt.Fprintf(&b, pick("政策：%s（%s，%s）\n", "Policy: %s (%s, %s)\n"),
		pick(r.Policy.Name, r.Policy.NameEN), r.Policy.Code, pick(mz, me))
	fmt.Fprintf(&b, pick("企业：%s %s\n", "Enterprise: %s %s\n"), r.Profile.Code, r.Profile.Name)
	fmt.Fprintf(&b, pick("评估日：%s\n", "Date: %s\n"), r.Date)
	fmt.Fprintf(&b, pick("结论：%s", "Outcome: %s"), pick(oz, oe))
	switch {
	case r.Outcome == Eligible:
		fmt.Fprintf(&b, pick("，金额 %s 元", ", amount %s yuan"), r.Amount)
		if r.Policy.Commitment {
			b.WriteString(pick("（须先签署告知承诺）", " (after a signed commitment)"))
		}
	case r.Reason == ReasonNotInForce:
		b.WriteString(pick("（政策不在有效期内）", " (the policy is not in force)"))
	case r.Reason == ReasonCondition:
		fmt.Fprintf(&b, pick("（条件 %s 不满足）", " (condition %s not met)"), r.Clause)
	case r.Reason == ReasonExclusion:
		fmt.Fprintf(&b, pick("（属排除情形 %s）", " (excluded by %s)"), r.Clause)
	case r.Reason == ReasonMissing:
		fmt.Fprintf(&b, pick("（缺少数据：%s）", " (missing data: %s)"), strings.Join(r.Missing, ", "))
	case r.Reason == ReasonFault:
		b.WriteString(pick("（数值无法计算）", " (a value cannot be computed)"))
	}
	b.WriteString("\n")
	mark := map[string]string{"true": "✓", "false": "✗", "unknown": "?"}
	section := ""
	for _, c := range t.Clauses {
		if c.Kind != section {
			section = c.Kind
			if section == "eligibility" {
				b.WriteString(pick("条件：\n", "Conditions:\n"))
			} else {
				b.WriteString(pick("排除情形（成立即排除）：\n", "Exclusions (any that holds excludes):\n"))
			}
		}
		fmt.Fprintf(&b, "  %s %s — %s", mark[c.Value], pick(c.ZH, c.EN), c.Step.Expr)
		if leaves := leafValues(c.Step); leaves != "" {
			fmt.Fprintf(&b, pick("：%s", ": %s"), leaves)
		}
		if len(c.Step.Missing) > 0 {
			fmt.Fprintf(&b, pick("（缺少 %s）", " (missing %s)"), strings.Join(c.Step.Missing, ", "))
		}
		if c.Step.Fault != "" {
			fmt.Fprintf(&b, " [%s]", c.Step.Fault)
		}
		b.WriteString("\n")
	}
	if len(t.Definitions) > 0 {
		b.WriteString(pick("中间值：\n", "Intermediate values:\n"))
		for _, d := range t.Definitions {
			fmt.Fprintf(&b, "  %s %s = %s = %s\n", d.Name, pick(d.ZH, d.EN), d.Step.Expr, d.Value)
		}
	}
	if t.Amount != nil {
		fmt.Fprintf(&b, pick("金额：%s — %s = %s", "Amount: %s — %s = %s"), pick(r.Policy.Amount.ZH, r.Policy.Amount.EN), t.Amount.Expr, t.Amount.Value)
		if leaves := leafValues(*t.Amount); leaves != "" {
			fmt.Fprintf(&b, pick("，其中 %s", ", where %s"), leaves)
		}
		if r.Outcome == Eligible {
			fmt.Fprintf(&b, pick("，四舍五入到分：%s 元", ", rounded half up to the fen: %s yuan"), r.Amount)
		}
		b.WriteString("\n")
	}
	if len(t.Parameters) > 0 {
		b.WriteString(pick("参数：\n", "Parameters:\n"))
		for _, p := range t.Parameters {
			fmt.Fprintf(&b, pick("  %s %s = %s（自 %s 起", "  %s %s = %s (from %s"), p.Name, pick(p.ZH, p.EN), p.Value, p.From)
			if p.Basis != "" {
				fmt.Fprintf(&b, pick("，依据 %s", ", basis %s"), p.Basis)
			}
			if p.Demo {
				b.WriteString(pick("，演示值", ", demo value"))
			}
			b.WriteString(pick("）\n", ")\n"))
		}
	}
	b.WriteString(pick("数据：\n", "Data:\n"))
	for _, a := range t.Attributes {
		v := a.Value
		if !a.Known {
			v = pick("未知", "unknown")
		}
		fmt.Fprintf(&b, "  %s %s = %s", a.Name, pick(a.ZH, a.EN), v)
		if a.Source != "" {
			fmt.Fprintf(&b, pick("（来源 %s）", " (source %s)"), a.Source)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// leafValues lists the attribute, parameter and definition values a step
// read, "name = value", once each, in order of first use.
func leafValues(st Step) string {
	var parts []string
	seen := map[string]bool{}
	var walk func(s Step)
	walk = func(s Step) {
		if s.Kind != "" && s.Kind != "tag" {
			text := s.Expr + " = " + s.Value
			if !seen[text] {
				seen[text] = true
				parts = append(parts, text)
			}
			if s.Kind == "definition" {
				return
			}
		}
		for _, c := range s.Steps {
			walk(c)
		}
	}
	walk(st)
	return strings.Join(parts, "; ")
}
