package sqlstore

// migrations are the versions of the schema, oldest first. A migration,
// once released, is never edited: a change of schema is a new migration
// at the end. Statements use ? placeholders and the type tokens {id},
// {json}, {time} and {code}, which Dialect.types fills in.
//
// Each kind of record has a table with its id, its version, the record as
// evaluation encodes it in JSON (doc), and copies of the fields listings
// filter and order by: the listing time (to the microsecond in
// PostgreSQL) with the nanoseconds below it, the unit's credit code, the
// division, and so on. The documents are the truth; the copies are
// rewritten with them on every write.
var migrations = []migration{
	{1, "evaluation records", []string{
		`CREATE TABLE evaluation_reviews (
			id {id} PRIMARY KEY,
			version INTEGER NOT NULL,
			doc {json} NOT NULL,
			rated_at {time} NOT NULL,
			rated_at_ns INTEGER NOT NULL,
			unit {code} NOT NULL,
			division {code} NOT NULL,
			application {id} NOT NULL,
			matter {code} NOT NULL,
			staff {code} NOT NULL,
			mode {code} NOT NULL,
			channel {code} NOT NULL
		)`,
		`CREATE INDEX evaluation_reviews_time ON evaluation_reviews (rated_at, rated_at_ns, id)`,
		`CREATE INDEX evaluation_reviews_unit ON evaluation_reviews (unit, rated_at, rated_at_ns, id)`,
		`CREATE INDEX evaluation_reviews_division ON evaluation_reviews (division, rated_at, rated_at_ns, id)`,
		`CREATE INDEX evaluation_reviews_application ON evaluation_reviews (application)`,
		`CREATE INDEX evaluation_reviews_matter ON evaluation_reviews (matter, rated_at, rated_at_ns, id)`,
		`CREATE INDEX evaluation_reviews_staff ON evaluation_reviews (staff, rated_at, rated_at_ns, id)`,

		`CREATE TABLE evaluation_cases (
			id {id} PRIMARY KEY,
			version INTEGER NOT NULL,
			doc {json} NOT NULL,
			received_at {time} NOT NULL,
			received_at_ns INTEGER NOT NULL,
			unit {code} NOT NULL,
			division {code} NOT NULL,
			state {code} NOT NULL,
			review {id} NOT NULL
		)`,
		`CREATE INDEX evaluation_cases_time ON evaluation_cases (received_at, received_at_ns, id)`,
		`CREATE INDEX evaluation_cases_unit ON evaluation_cases (unit, received_at, received_at_ns, id)`,
		`CREATE INDEX evaluation_cases_division ON evaluation_cases (division, received_at, received_at_ns, id)`,
		`CREATE INDEX evaluation_cases_state ON evaluation_cases (state, received_at, received_at_ns, id)`,
		`CREATE INDEX evaluation_cases_review ON evaluation_cases (review)`,

		`CREATE TABLE evaluation_work_orders (
			id {id} PRIMARY KEY,
			version INTEGER NOT NULL,
			doc {json} NOT NULL,
			received_at {time} NOT NULL,
			received_at_ns INTEGER NOT NULL,
			unit {code} NOT NULL,
			division {code} NOT NULL,
			state {code} NOT NULL,
			category {code} NOT NULL,
			line {code} NOT NULL
		)`,
		`CREATE INDEX evaluation_work_orders_time ON evaluation_work_orders (received_at, received_at_ns, id)`,
		`CREATE INDEX evaluation_work_orders_unit ON evaluation_work_orders (unit, received_at, received_at_ns, id)`,
		`CREATE INDEX evaluation_work_orders_division ON evaluation_work_orders (division, received_at, received_at_ns, id)`,
		`CREATE INDEX evaluation_work_orders_state ON evaluation_work_orders (state, received_at, received_at_ns, id)`,

		`CREATE TABLE evaluation_problems (
			id {id} PRIMARY KEY,
			version INTEGER NOT NULL,
			doc {json} NOT NULL,
			opened_at {time} NOT NULL,
			opened_at_ns INTEGER NOT NULL,
			division {code} NOT NULL,
			state {code} NOT NULL,
			order_id {id} NOT NULL
		)`,
		`CREATE INDEX evaluation_problems_time ON evaluation_problems (opened_at, opened_at_ns, id)`,
		`CREATE INDEX evaluation_problems_division ON evaluation_problems (division, opened_at, opened_at_ns, id)`,
		`CREATE INDEX evaluation_problems_state ON evaluation_problems (state, opened_at, opened_at_ns, id)`,
		`CREATE INDEX evaluation_problems_order ON evaluation_problems (order_id)`,

		`CREATE TABLE evaluation_incidents (
			id {id} PRIMARY KEY,
			version INTEGER NOT NULL,
			doc {json} NOT NULL,
			occurred_at {time} NOT NULL,
			occurred_at_ns INTEGER NOT NULL,
			unit {code} NOT NULL,
			division {code} NOT NULL
		)`,
		`CREATE INDEX evaluation_incidents_time ON evaluation_incidents (occurred_at, occurred_at_ns, id)`,
		`CREATE INDEX evaluation_incidents_unit ON evaluation_incidents (unit, occurred_at, occurred_at_ns, id)`,
		`CREATE INDEX evaluation_incidents_division ON evaluation_incidents (division, occurred_at, occurred_at_ns, id)`,
	}},
	{2, "handling reviews", []string{
		`CREATE TABLE evaluation_handling_reviews (
			id {id} PRIMARY KEY,
			version INTEGER NOT NULL,
			doc {json} NOT NULL,
			opened_at {time} NOT NULL,
			opened_at_ns INTEGER NOT NULL,
			unit {code} NOT NULL,
			division {code} NOT NULL,
			order_id {id} NOT NULL,
			state {code} NOT NULL
		)`,
		`CREATE INDEX evaluation_handling_reviews_time ON evaluation_handling_reviews (opened_at, opened_at_ns, id)`,
		`CREATE INDEX evaluation_handling_reviews_unit ON evaluation_handling_reviews (unit, opened_at, opened_at_ns, id)`,
		`CREATE INDEX evaluation_handling_reviews_division ON evaluation_handling_reviews (division, opened_at, opened_at_ns, id)`,
		`CREATE INDEX evaluation_handling_reviews_state ON evaluation_handling_reviews (state, opened_at, opened_at_ns, id)`,
		`CREATE INDEX evaluation_handling_reviews_order ON evaluation_handling_reviews (order_id)`,
	}},
}
