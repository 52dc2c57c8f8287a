package routing

import (
	"fmt"
	"strings"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// agreementFor returns the first agreement, in load order, that lists the
// matter for the receiving place and every far deciding place, is in force
// on day and allows mode. Otherwise it explains the nearest miss: an
// agreement in force without the mode, then one not yet in force, then an
// expired one, then none at all.
func (r *Router) agreementFor(code string, from division.Code, far []division.Code, day matter.Date, mode Mode) (*compiled, error) {
	var wrongMode, early, late *compiled
	for _, l := range r.agr.byMatter[code] {
		if !l.a.partners.holds(from) {
			continue
		}
		covers := true
		for _, d := range far {
			if !l.a.partners.holds(d) {
				covers = false
				break
			}
		}
		switch {
		case !covers:
		case day.Before(l.a.Effective):
			if early == nil {
				early = l.a
			}
		case !l.a.Expires.IsZero() && !day.Before(l.a.Expires):
			if late == nil {
				late = l.a
			}
		case !l.modes.has(mode):
			if wrongMode == nil {
				wrongMode = l.a
			}
		default:
			return l.a, nil
		}
	}
	to := far[0]
	places := placeList(far)
	mzh, men := mode.Names()
	switch {
	case wrongMode != nil:
		allowed := listedModes(wrongMode, code)
		return nil, notRoutable(code, from, to, ModeNotAllowed, wrongMode.ID,
			fmt.Sprintf("协议“%s”不允许以“%s”办理该事项（允许：%s）", wrongMode.Name, mzh, modesZH(allowed)),
			fmt.Sprintf("agreement %s does not allow the matter %s (allows %s)", wrongMode.ID, men, modesEN(allowed)))
	case early != nil:
		return nil, notRoutable(code, from, to, NotYetInForce, early.ID,
			fmt.Sprintf("协议“%s”自%s起生效，%s尚未生效", early.Name, early.Effective, day),
			fmt.Sprintf("agreement %s takes effect on %s, not yet on %s", early.ID, early.Effective, day))
	case late != nil:
		return nil, notRoutable(code, from, to, Expired, late.ID,
			fmt.Sprintf("协议“%s”已于%s失效", late.Name, late.Expires),
			fmt.Sprintf("agreement %s expired on %s", late.ID, late.Expires))
	}
	return nil, notRoutable(code, from, to, NoAgreement, "",
		fmt.Sprintf("没有通办协议列明该事项在%s与%s之间通办", from, places),
		fmt.Sprintf("no agreement lists the matter between %s and %s", from, places))
}

func placeList(ds []division.Code) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = string(d)
	}
	return strings.Join(s, ", ")
}

// listedModes returns the modes agreement a allows for the matter.
func listedModes(a *compiled, code string) []Mode {
	for _, l := range a.Matters {
		if l.Code == code && l.Modes != nil {
			return l.Modes
		}
	}
	return a.Modes
}

func modesZH(ms []Mode) string {
	s := make([]string, len(ms))
	for i, m := range ms {
		s[i], _ = m.Names()
	}
	return strings.Join(s, "、")
}

func modesEN(ms []Mode) string {
	s := make([]string, len(ms))
	for i, m := range ms {
		s[i] = m.String()
	}
	return strings.Join(s, ", ")
}
