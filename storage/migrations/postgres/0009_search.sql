-- Searching a team's clients by part of a name or reference: a trigram
-- index (pg_trgm, made by 'team inrichten') lets LIKE '%…%' find them
-- among 100,000 without reading them all.
CREATE INDEX clients_search_trgm ON clients USING gin (search gin_trgm_ops);
