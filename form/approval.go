package form

import (
	"strings"
)

// approvals decides automatic approval (自动审批) for every member that
// declares x-auto-approve: approvable when the review passed with no
// warnings and every value the declaration names came, unchanged, from a
// trusted source (trust A or B).
func (rv *reviewer) approvals() {
	d := rv.m.dict
	for i, a := range rv.m.autos {
		ap := Approval{Matter: a.matter, Basis: a.basis}
		var failed []Text
		if rv.r.Verdict != Pass {
			failed = append(failed, d.Message("approval.verdict", verdictText[rv.r.Verdict]))
		}
		var key strings.Builder // the sources and trust levels, which decide the message
		key.Grow(24 * len(a.fields))
		key.WriteString(a.matter)
		for _, b := range a.fields {
			v, ok := lookup(rv.a, b.tokens)
			if !ok {
				failed = append(failed, d.Message("approval.missing", rv.label(b.pointer)))
				continue
			}
			var filled Filled
			if rv.cfg.prefill != nil {
				filled, ok = rv.cfg.prefill.field(b.pointer)
			} else {
				ok = false
			}
			switch {
			case !ok:
				failed = append(failed, d.Message("approval.entered", rv.label(b.pointer)))
			case !jsonEqual(filled.Value.Value, v):
				failed = append(failed, d.Message("approval.changed", rv.label(b.pointer), filled.Value.Source))
			case !filled.Value.Trusted():
				failed = append(failed, d.Message("approval.untrusted", rv.label(b.pointer), filled.Value.Source, string(filled.Value.Trust)))
			default:
				key.WriteByte(0)
				key.WriteString(filled.Value.Source)
				key.WriteByte(0)
				key.WriteString(string(filled.Value.Trust))
			}
		}
		if len(failed) > 0 {
			ap.Reasons = failed
			rv.r.Approvals = append(rv.r.Approvals, ap)
			continue
		}
		ap.Approvable = true
		ap.Reasons = []Text{rv.m.approvedText(i, key.String(), rv)}
		rv.r.Approvals = append(rv.r.Approvals, ap)
	}
}

// approvedText renders why member declaration i is approvable. The text
// depends only on where each value came from, so it is kept per merged form
// by that key: most applications of a bundle come from the same registries.
func (m *Merged) approvedText(i int, key string, rv *reviewer) Text {
	if t, ok := m.approved.Load(key); ok {
		return t.(Text)
	}
	a := m.autos[i]
	var zh, en strings.Builder
	for _, b := range a.fields {
		filled, _ := rv.cfg.prefill.field(b.pointer)
		listTrusted(&zh, &en, rv.label(b.pointer), filled.Value)
	}
	t := m.dict.Message("approval.ok", Text{zh.String(), en.String()})
	if m.approvedN.Add(1) <= maxCachedMessages {
		m.approved.Store(key, t)
	}
	return t
}

// listTrusted adds one trusted value to the lists of the approval message:
// "出生日期（公安人口库，A级）", "date of birth (公安人口库, trust A)". They
// are list items, not sentences, so they are assembled directly rather than
// through the catalogs, which keeps Review fast.
func listTrusted(zh, en *strings.Builder, label Text, v Value) {
	if zh.Len() > 0 {
		zh.WriteString("、")
		en.WriteString(", ")
	}
	t := string(v.Trust)
	zh.WriteString(label.ZH)
	zh.WriteString("（")
	zh.WriteString(v.Source)
	zh.WriteString("，")
	zh.WriteString(t)
	zh.WriteString("级）")
	en.WriteString(label.EN)
	en.WriteString(" (")
	en.WriteString(v.Source)
	en.WriteString(", trust ")
	en.WriteString(t)
	en.WriteString(")")
}

// label is the label of the merged field at ptr.
func (rv *reviewer) label(ptr string) Text {
	if mf, ok := rv.m.byPtr[ptr]; ok {
		return mf.label
	}
	return Text{ptr, ptr}
}

// joinTexts lists texts: 、 in Chinese, commas in English.
func joinTexts(ts []Text) Text {
	zh := make([]string, len(ts))
	en := make([]string, len(ts))
	for i, t := range ts {
		zh[i], en[i] = t.ZH, t.EN
	}
	return Text{strings.Join(zh, "、"), strings.Join(en, ", ")}
}
