package main

import (
	"context"
	"sync"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
)

// SQLite has one writer at a time. Writers of one process that meet on the
// database lock poll for it (busy_timeout), which is unfair and slow under
// load; so on SQLite the server queues its writes on one mutex instead and
// only writers of other processes ever wait on the lock.

// serialMatter is a matter.Store whose writes hold mu.
type serialMatter struct {
	matter.Store
	mu *sync.Mutex
}

func (s serialMatter) PutMatter(ctx context.Context, m *matter.Matter, expect int) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Store.PutMatter(ctx, m, expect)
}

func (s serialMatter) RetireMatter(ctx context.Context, code string, on matter.Date, expect int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Store.RetireMatter(ctx, code, on, expect)
}

func (s serialMatter) PutOverlay(ctx context.Context, o *matter.Overlay, expect int) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Store.PutOverlay(ctx, o, expect)
}

func (s serialMatter) CreateApplication(ctx context.Context, a *matter.Application) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Store.CreateApplication(ctx, a)
}

func (s serialMatter) UpdateApplication(ctx context.Context, a *matter.Application, expect int) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Store.UpdateApplication(ctx, a, expect)
}

// serialEvaluation is an evaluation.Store whose writes hold mu.
type serialEvaluation struct {
	evaluation.Store
	mu *sync.Mutex
}

func lock2[T any](mu *sync.Mutex, f func() (T, error)) (T, error) {
	mu.Lock()
	defer mu.Unlock()
	return f()
}

func (s serialEvaluation) AddReview(ctx context.Context, r *evaluation.Review) (int, error) {
	return lock2(s.mu, func() (int, error) { return s.Store.AddReview(ctx, r) })
}
func (s serialEvaluation) UpdateReview(ctx context.Context, r *evaluation.Review, expect int) (int, error) {
	return lock2(s.mu, func() (int, error) { return s.Store.UpdateReview(ctx, r, expect) })
}
func (s serialEvaluation) AddCase(ctx context.Context, c *evaluation.Case) (int, error) {
	return lock2(s.mu, func() (int, error) { return s.Store.AddCase(ctx, c) })
}
func (s serialEvaluation) UpdateCase(ctx context.Context, c *evaluation.Case, expect int) (int, error) {
	return lock2(s.mu, func() (int, error) { return s.Store.UpdateCase(ctx, c, expect) })
}
func (s serialEvaluation) AddWorkOrder(ctx context.Context, w *evaluation.WorkOrder) (int, error) {
	return lock2(s.mu, func() (int, error) { return s.Store.AddWorkOrder(ctx, w) })
}
func (s serialEvaluation) UpdateWorkOrder(ctx context.Context, w *evaluation.WorkOrder, expect int) (int, error) {
	return lock2(s.mu, func() (int, error) { return s.Store.UpdateWorkOrder(ctx, w, expect) })
}
func (s serialEvaluation) AddProblem(ctx context.Context, p *evaluation.ProblemOrder) (int, error) {
	return lock2(s.mu, func() (int, error) { return s.Store.AddProblem(ctx, p) })
}
func (s serialEvaluation) UpdateProblem(ctx context.Context, p *evaluation.ProblemOrder, expect int) (int, error) {
	return lock2(s.mu, func() (int, error) { return s.Store.UpdateProblem(ctx, p, expect) })
}
func (s serialEvaluation) AddIncident(ctx context.Context, i *evaluation.Incident) (int, error) {
	return lock2(s.mu, func() (int, error) { return s.Store.AddIncident(ctx, i) })
}
func (s serialEvaluation) UpdateIncident(ctx context.Context, i *evaluation.Incident, expect int) (int, error) {
	return lock2(s.mu, func() (int, error) { return s.Store.UpdateIncident(ctx, i, expect) })
}
