package main

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/onething-gov/onething/examples/registry"
	"github.com/onething-gov/onething/standards/division"
)

// role is what a token may do.
type role string

const (
	roleCitizen  role = "citizen"
	roleClerk    role = "clerk"
	roleCity     role = "city-admin"
	roleProvince role = "province-admin"
	roleAuditor  role = "auditor"
)

func (r role) valid() bool {
	return slices.Contains([]role{roleCitizen, roleClerk, roleCity, roleProvince, roleAuditor}, r)
}

// province is the jurisdiction of province-wide tokens.
const province division.Code = "370000"

// principal is who a bearer token speaks for: a role, a jurisdiction
// (division code) and a subject (a citizen ID number for a citizen, a staff
// or office name otherwise).
type principal struct {
	Name     string        `json:"-"`
	Token    string        `json:"token"`
	Role     role          `json:"role"`
	Division division.Code `json:"division,omitempty"`
	Subject  string        `json:"subject,omitempty"`
}

// covers reports whether d lies in the principal's jurisdiction.
func (p *principal) covers(d division.Code) bool {
	if p.Division == "" || d == "" {
		return false
	}
	return p.Division == d || p.Division.Contains(d)
}

type whoKey struct{}

// principalFrom returns the authenticated principal of a request.
func principalFrom(ctx context.Context) (*principal, bool) {
	p, ok := ctx.Value(whoKey{}).(*principal)
	if !ok || p.Role == "" {
		return nil, false
	}
	return p, true
}

// tokens maps bearer tokens to principals.
type tokens struct {
	byToken map[string]*principal
}

func (t *tokens) lookup(tok string) (*principal, bool) {
	// Constant-time comparison per candidate would be needed for a list;
	// a map lookup on a random 256-bit token leaks nothing useful.
	p, ok := t.byToken[tok]
	if ok && subtle.ConstantTimeCompare([]byte(p.Token), []byte(tok)) == 1 {
		return p, true
	}
	return nil, false
}

// demoNames are the demo tokens development mode writes.
var demoNames = []string{
	"citizen", "citizen2", "clerk@370100", "clerk@370200", "city-admin@370100", "city-admin@370200",
	"province-admin", "auditor",
}

var nameRE = regexp.MustCompile(`^(citizen|clerk|city-admin|province-admin|auditor)(\d*)(?:@(\d{6}))?$`)

// principalFromName derives a principal from a token name of the form
// role[N][@division]: citizen, citizen2 (the demo population's first and
// second person), clerk@370100, city-admin@370200, province-admin, auditor.
func principalFromName(name string, pop *registry.Population) (*principal, error) {
	m := nameRE.FindStringSubmatch(name)
	if m == nil {
		return nil, fmt.Errorf("token name %q: want role[N][@division] or an object with role, division and subject", name)
	}
	p := &principal{Name: name, Role: role(m[1]), Subject: name}
	switch {
	case m[3] != "":
		d, err := division.Parse(m[3])
		if err != nil {
			return nil, fmt.Errorf("token name %q: %w", name, err)
		}
		p.Division = d
	case p.Role == roleProvince || p.Role == roleAuditor:
		p.Division = province
	}
	if p.Role == roleCitizen {
		n := 1
		if m[2] != "" {
			n, _ = strconv.Atoi(m[2])
		}
		if pop == nil {
			return nil, fmt.Errorf("token name %q: a citizen token needs a subject outside development mode", name)
		}
		people := pop.People()
		if n < 1 || n > len(people) {
			return nil, fmt.Errorf("token name %q: the demo population has %d people", name, len(people))
		}
		p.Subject = people[n-1].ID.String()
		if p.Division == "" {
			p.Division = people[n-1].Hukou
		}
	}
	if (p.Role == roleClerk || p.Role == roleCity) && p.Division == "" {
		return nil, fmt.Errorf("token name %q: a %s token needs @division", name, p.Role)
	}
	return p, nil
}

// parseTokens reads a token file: a JSON object from a name to a token
// string (the principal follows from the name) or to an object with token,
// role, division and subject.
func parseTokens(data []byte, pop *registry.Population) (*tokens, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("tokens: %w", err)
	}
	t := &tokens{byToken: map[string]*principal{}}
	var errs []error
	for name, v := range raw {
		var p *principal
		var tok string
		if err := json.Unmarshal(v, &tok); err == nil {
			pp, err := principalFromName(name, pop)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			p, pp.Token = pp, tok
		} else {
			p = &principal{Name: name}
			dec := json.NewDecoder(strings.NewReader(string(v)))
			dec.DisallowUnknownFields()
			if err := dec.Decode(p); err != nil {
				errs = append(errs, fmt.Errorf("token %q: %w", name, err))
				continue
			}
			if !p.Role.valid() {
				errs = append(errs, fmt.Errorf("token %q: unknown role %q", name, p.Role))
				continue
			}
			if p.Role == roleProvince || p.Role == roleAuditor {
				if p.Division == "" {
					p.Division = province
				}
			}
		}
		if len(p.Token) < 16 {
			errs = append(errs, fmt.Errorf("token %q: a token must have at least 16 characters", name))
			continue
		}
		if _, dup := t.byToken[p.Token]; dup {
			errs = append(errs, fmt.Errorf("token %q: the token is used twice", name))
			continue
		}
		t.byToken[p.Token] = p
	}
	return t, errors.Join(errs...)
}

// loadTokens finds the tokens: the -tokens file, else $ONETHING_TOKENS
// (the JSON itself), else in development mode demo-tokens.json beside the
// database, generated on first start.
func loadTokens(cfg config, pop *registry.Population, logf func(msg string, args ...any)) (*tokens, error) {
	if cfg.Tokens != "" {
		data, err := os.ReadFile(cfg.Tokens)
		if err != nil {
			return nil, err
		}
		return parseTokens(data, pop)
	}
	if env := os.Getenv("ONETHING_TOKENS"); env != "" {
		return parseTokens([]byte(env), pop)
	}
	if !cfg.Dev {
		logf("no tokens configured (-tokens or ONETHING_TOKENS): only public reads are served")
		return &tokens{byToken: map[string]*principal{}}, nil
	}
	path := cfg.demoTokensPath()
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		data, err = demoTokens()
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, data, 0o600); err != nil {
			return nil, err
		}
		logf("wrote demo tokens", "path", path, "names", strings.Join(demoNames, ", "))
	} else if err != nil {
		return nil, err
	} else {
		logf("using demo tokens", "path", path)
	}
	return parseTokens(data, pop)
}

// demoTokens generates a random token for each demo name.
func demoTokens() ([]byte, error) {
	m := map[string]string{}
	for _, n := range demoNames {
		b := make([]byte, 24)
		if _, err := rand.Read(b); err != nil {
			return nil, err
		}
		m[n] = "demo_" + hex.EncodeToString(b)
	}
	return json.MarshalIndent(m, "", "  ")
}

// authenticate resolves a bearer token, if any; a token that is present but
// unknown is a 401 even on public routes, so that a client learns early.
func (s *server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		if h == "" {
			next.ServeHTTP(w, r)
			return
		}
		scheme, tok, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") || tok == "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="onething"`)
			writeProblem(w, r, newProblem(http.StatusUnauthorized, "unauthenticated", "the Authorization header must be Bearer <token>"))
			return
		}
		p, ok := s.tokens.lookup(strings.TrimSpace(tok))
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="onething", error="invalid_token"`)
			writeProblem(w, r, newProblem(http.StatusUnauthorized, "unauthenticated", "unknown token"))
			return
		}
		if who, ok := r.Context().Value(whoKey{}).(*principal); ok {
			*who = *p
		} else {
			r = r.WithContext(context.WithValue(r.Context(), whoKey{}, p))
		}
		next.ServeHTTP(w, r)
	})
}

// require returns the principal if it has one of the roles, else a 401 or
// 403 problem.
func needRole(r *http.Request, roles ...role) (*principal, error) {
	p, ok := principalFrom(r.Context())
	if !ok {
		return nil, newProblem(http.StatusUnauthorized, "unauthenticated", "this route needs a bearer token")
	}
	if len(roles) > 0 && !slices.Contains(roles, p.Role) {
		return nil, newProblem(http.StatusForbidden, "forbidden", fmt.Sprintf("a %s token may not do this", p.Role))
	}
	return p, nil
}

func forbidden(detail string) *problem {
	return newProblem(http.StatusForbidden, "forbidden", detail)
}
