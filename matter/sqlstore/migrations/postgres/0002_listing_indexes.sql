-- Indexes for the listings' filters and orders.
CREATE INDEX matters_department ON matters (department, code) WHERE is_current;
CREATE INDEX matters_division ON matters (division, code) WHERE is_current;
CREATE INDEX matter_tags_tag ON matter_tags (tag, code, version);
CREATE INDEX matter_overlays_division ON matter_overlays (division, matter) WHERE is_current;
CREATE INDEX matter_applications_submitted ON matter_applications (submitted_at, submitted_ns, id);
CREATE INDEX matter_applications_applicant ON matter_applications (applicant, submitted_at, submitted_ns, id);
CREATE INDEX matter_applications_division ON matter_applications (division, submitted_at, submitted_ns, id);
