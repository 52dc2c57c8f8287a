package main

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/matter/policy"
)

type matchRequest struct {
	// Date is the day to decide on; default today.
	Date    string          `json:"date,omitempty"`
	Profile json.RawMessage `json:"profile"`
	// Policies limits the match to these policy codes; empty means all.
	Policies []string `json:"policies,omitempty"`
	// Explain adds each decision's trace.
	Explain bool `json:"explain,omitempty"`
}

type matchResult struct {
	Result policy.Result `json:"result"`
	Trace  *policy.Trace `json:"trace,omitempty"`
}

// matchPolicies decides every policy in force (免申即享) for one enterprise
// profile. It creates nothing and reads only the profile given.
func (s *server) matchPolicies(w http.ResponseWriter, r *http.Request) {
	var req matchRequest
	if err := decodeJSON(w, r, &req); err != nil {
		writeError(w, r, err)
		return
	}
	day := matter.NewDate(s.now())
	var issues []fieldIssue
	if req.Date != "" {
		d, err := matter.ParseDate(req.Date)
		if err != nil {
			issues = append(issues, issue("/date", "date.invalid", err.Error()))
		}
		day = d
	}
	if len(req.Profile) == 0 || string(req.Profile) == "null" {
		issues = append(issues, issue("/profile", "required", "the enterprise profile is required"))
	}
	var pols []*policy.Policy
	if len(req.Policies) == 0 {
		pols = s.policy.Policies()
	}
	for i, c := range req.Policies {
		pol, ok := s.policy.Policy(c)
		if !ok {
			issues = append(issues, issue("/policies/"+itoa(i), "policy.unknown", "no policy "+c))
			continue
		}
		pols = append(pols, pol)
	}
	if len(issues) > 0 {
		writeProblem(w, r, invalid("bad match request", issues...))
		return
	}
	prof, err := s.policy.Registry().DecodeProfile(req.Profile)
	if err != nil {
		writeError(w, r, policyProblem(err))
		return
	}
	results := []matchResult{}
	for _, pol := range pols {
		res, err := policy.Evaluate(pol, prof, day)
		if err != nil {
			writeError(w, r, policyProblem(err))
			return
		}
		m := matchResult{Result: res}
		if req.Explain {
			if m.Trace, err = policy.Explain(pol, prof, day); err != nil {
				writeError(w, r, policyProblem(err))
				return
			}
		}
		results = append(results, m)
	}
	writeJSON(w, http.StatusOK, map[string]any{"date": day, "results": results})
}

func policyProblem(err error) error {
	var le *policy.LoadError
	if errors.As(err, &le) {
		p := invalid("the profile is not valid")
		for _, x := range le.Problems {
			p.Problems = append(p.Problems, fieldIssue{Pointer: "/profile" + x.Pointer, Code: "profile.invalid", Detail: x.Msg})
		}
		return p
	}
	if errors.Is(err, policy.ErrInvalid) {
		return invalid(err.Error())
	}
	return err
}
