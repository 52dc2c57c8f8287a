package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
)

// op describes one operation for the OpenAPI document.
type op struct {
	summary string
	// auth lists the roles allowed; empty means public.
	auth []role
	// params are query parameters.
	params []string
	// body names the request body schema, if any.
	body string
	// idem marks a POST that needs an Idempotency-Key.
	idem bool
	// ok is the success status.
	ok int
	// produces overrides application/json for the success response.
	produces []string
}

// operations documents every route; openapi_test.go checks it against
// routes().
var operations = map[string]op{
	"GET /healthz":      {summary: "Liveness and storage kind", ok: 200},
	"GET /openapi.json": {summary: "This OpenAPI 3.1 document", ok: 200},

	"GET /v1/matters":                   {summary: "List matters (事项), filtered; with q, search matters and bundles", params: []string{"department", "division", "kind", "tag", "q", "limit"}, ok: 200},
	"GET /v1/matters/{code}":            {summary: "One matter; with division, its implementation there", params: []string{"division"}, ok: 200},
	"GET /v1/bundles":                   {summary: "List bundles (一件事)", ok: 200},
	"GET /v1/bundles/{code}":            {summary: "One bundle with its default selection", ok: 200},
	"GET /v1/bundles/{code}/form":       {summary: "Merged JSON Schema (多表合一) of the selection; one_of.<slot>=<member>, include=<member>,…", params: []string{"include"}, ok: 200, produces: []string{"application/schema+json"}},
	"GET /v1/bundles/{code}/efficiency": {summary: "Before/after figures of the selection", params: []string{"include"}, ok: 200, produces: []string{"application/json", "text/markdown"}},
	"POST /v1/bundles/{code}/prefill":   {summary: "Pre-fill (预填) the merged form from the registries for the token's citizen", auth: []role{roleCitizen, roleClerk}, body: "PrefillRequest", ok: 200},

	"POST /v1/applications":              {summary: "Apply for a bundle: pre-fill, pre-review, split, route; 422 with the review problems", auth: []role{roleCitizen, roleClerk}, body: "ApplicationRequest", idem: true, ok: 201},
	"GET /v1/applications/{id}":          {summary: "One application (a citizen: their own)", auth: []role{roleCitizen, roleClerk, roleCity, roleProvince, roleAuditor}, ok: 200},
	"POST /v1/routes":                    {summary: "Route one matter request (通办): mode, offices, legs, duties", body: "RouteRequest", ok: 200},
	"GET /v1/overlays/{division}/{code}": {summary: "An implementation list entry (实施清单)", ok: 200},
	"PUT /v1/overlays/{division}/{code}": {summary: "Write an implementation list entry; If-Match or body version", auth: []role{roleCity, roleProvince}, body: "Overlay", ok: 200},
	"POST /v1/reviews":                   {summary: "Record a 好差评 rating; a bad one opens a case", auth: []role{roleCitizen, roleClerk}, body: "Review", idem: true, ok: 201},
	"GET /v1/reviews/{id}":               {summary: "One review; officials never see the rater", auth: []role{roleCitizen, roleClerk, roleCity, roleProvince, roleAuditor}, ok: 200},
	"GET /v1/cases/{id}":                 {summary: "One bad-review case (差评整改)", auth: []role{roleClerk, roleCity, roleProvince, roleAuditor}, ok: 200},
	"POST /v1/cases/{id}/events":         {summary: "Move a case: {to, note, kind}", auth: []role{roleClerk, roleCity, roleProvince}, body: "CaseEvent", idem: true, ok: 200},
	"POST /v1/workorders":                {summary: "Record a hotline request (受理)", auth: []role{roleClerk, roleCity, roleProvince}, body: "Intake", idem: true, ok: 201},
	"GET /v1/workorders/{id}":            {summary: "One work order (a unit does not see the caller)", auth: []role{roleClerk, roleCity, roleProvince, roleAuditor}, ok: 200},
	"POST /v1/workorders/{id}/events":    {summary: "A step of a work order: accept, dispatch, send_back, assign_lead, reply, revisit, rehandle, extend, supervise, close", auth: []role{roleClerk, roleCity, roleProvince}, body: "OrderEvent", idem: true, ok: 200},
	"GET /v1/scorecards":                 {summary: "Scorecards of a month by group", auth: []role{roleCity, roleProvince, roleAuditor}, params: []string{"group", "period"}, ok: 200},
	"GET /v1/reports/monthly":            {summary: "Monthly report (月调度), JSON or Markdown", auth: []role{roleCity, roleProvince, roleAuditor}, params: []string{"month"}, ok: 200, produces: []string{"application/json", "text/markdown"}},
	"POST /v1/policies/match":            {summary: "Decide the policies (免申即享) for one enterprise profile", body: "MatchRequest", ok: 200},
}

var (
	openapiOnce sync.Once
	openapiDoc  []byte
)

// openapiDocument builds the OpenAPI 3.1 document from routes() and
// operations.
func (s *server) openapiDocument() []byte {
	openapiOnce.Do(func() {
		paths := map[string]map[string]any{}
		for _, rt := range s.routes() {
			o, ok := operations[rt.method+" "+rt.path]
			if !ok {
				continue // the test fails on this
			}
			item := paths[rt.path]
			if item == nil {
				item = map[string]any{}
				paths[rt.path] = item
			}
			var params []any
			for _, seg := range strings.Split(rt.path, "/") {
				if strings.HasPrefix(seg, "{") {
					params = append(params, map[string]any{"name": strings.Trim(seg, "{}"), "in": "path", "required": true, "schema": map[string]any{"type": "string"}})
				}
			}
			for _, q := range o.params {
				params = append(params, map[string]any{"name": q, "in": "query", "schema": map[string]any{"type": "string"}})
			}
			if o.idem {
				params = append(params, map[string]any{"name": "Idempotency-Key", "in": "header", "required": true, "schema": map[string]any{"type": "string", "minLength": 1, "maxLength": 255}})
			}
			produces := o.produces
			if len(produces) == 0 {
				produces = []string{"application/json"}
			}
			content := map[string]any{}
			for _, p := range produces {
				content[p] = map[string]any{}
			}
			prob := map[string]any{"description": "problem", "content": map[string]any{"application/problem+json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Problem"}}}}
			op := map[string]any{
				"summary":     o.summary,
				"operationId": strings.ToLower(rt.method) + strings.NewReplacer("/", "_", "{", "", "}", "", ".", "_").Replace(rt.path),
				"responses": map[string]any{
					itoa(o.ok): map[string]any{"description": "success", "content": content},
					"4XX":      prob,
				},
			}
			if params != nil {
				op["parameters"] = params
			}
			if o.body != "" {
				op["requestBody"] = map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/" + o.body}}}}
			}
			if len(o.auth) > 0 {
				op["security"] = []any{map[string]any{"bearer": []string{}}}
				roles := make([]string, len(o.auth))
				for i, r := range o.auth {
					roles[i] = string(r)
				}
				op["x-roles"] = roles
			}
			item[strings.ToLower(rt.method)] = op
		}
		obj := map[string]any{"type": "object"}
		doc := map[string]any{
			"openapi": "3.1.0",
			"info": map[string]any{
				"title":       "onething reference server",
				"version":     "0.1.0",
				"description": "高效办成一件事: catalog, merged forms, pre-fill, pre-review, routing, 好差评 and hotline work orders. Errors are RFC 9457 problem documents with a stable code.",
			},
			"paths": paths,
			"components": map[string]any{
				"securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer"}},
				"schemas": map[string]any{
					"Problem": map[string]any{
						"type":     "object",
						"required": []string{"type", "title", "status", "code"},
						"properties": map[string]any{
							"type": map[string]any{"type": "string"}, "title": map[string]any{"type": "string"},
							"status": map[string]any{"type": "integer"}, "code": map[string]any{"type": "string"},
							"detail": map[string]any{"type": "string"}, "instance": map[string]any{"type": "string"},
							"problems": map[string]any{"type": "array", "items": map[string]any{
								"type": "object", "required": []string{"pointer", "code"},
								"properties": map[string]any{"pointer": map[string]any{"type": "string"}, "code": map[string]any{"type": "string"}},
							}},
						},
					},
					"ApplicationRequest": map[string]any{
						"type": "object", "required": []string{"bundle", "at"},
						"properties": map[string]any{
							"bundle": map[string]any{"type": "string"}, "choices": obj, "applicant": obj,
							"at":      map[string]any{"type": "object", "properties": map[string]any{"division": map[string]any{"type": "string"}, "outlet": map[string]any{"type": "string"}, "channel": map[string]any{"type": "string"}}},
							"answers": obj,
						},
					},
					"PrefillRequest": obj, "RouteRequest": obj, "Overlay": obj, "Review": obj, "CaseEvent": obj,
					"Intake": obj, "OrderEvent": obj, "MatchRequest": obj,
				},
			},
		}
		openapiDoc, _ = json.MarshalIndent(doc, "", "  ")
	})
	return openapiDoc
}

func (s *server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(s.openapiDocument())
}
