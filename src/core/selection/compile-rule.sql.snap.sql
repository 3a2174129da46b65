-- number: between
-- rule: {"field":"income","op":"between","value":[50000,150000]}
-- parameters: $1 = 50000, $2 = 150000
SELECT p.client_id FROM client_profile p WHERE ("p"."income" BETWEEN CAST($1 AS double precision) AND CAST($2 AS double precision));

-- number: is null
-- rule: {"field":"churn_score","op":"is_null"}
-- parameters: none
SELECT p.client_id FROM client_profile p WHERE ("p"."churn_score" IS NULL);

-- date-derived: age at least
-- rule: {"field":"age","op":"gte","value":18}
-- parameters: $1 = "2008-12-02"
SELECT p.client_id FROM client_profile p WHERE ("p"."birth_date" <= CAST($1 AS DATE));

-- date-derived: age exactly
-- rule: {"field":"age","op":"eq","value":30}
-- parameters: $1 = "1996-12-02", $2 = "1995-12-02"
SELECT p.client_id FROM client_profile p WHERE (("p"."birth_date" <= CAST($1 AS DATE) AND "p"."birth_date" > CAST($2 AS DATE)));

-- date-derived: tenure below, fractional
-- rule: {"field":"tenure_months","op":"lt","value":6.5}
-- parameters: $1 = "2026-05-02"
SELECT p.client_id FROM client_profile p WHERE ("p"."client_since" > CAST($1 AS DATE));

-- enum: in
-- rule: {"field":"segment","op":"in","value":["premium","private"]}
-- parameters: $1 = "premium", $2 = "private"
SELECT p.client_id FROM client_profile p WHERE ("p"."segment" IN ($1, $2));

-- code: not in
-- rule: {"field":"region","op":"not_in","value":["77","78"]}
-- parameters: $1 = "77", $2 = "78"
SELECT p.client_id FROM client_profile p WHERE ("p"."region_code" NOT IN ($1, $2));

-- boolean: is true
-- rule: {"field":"vip","op":"is_true"}
-- parameters: none
SELECT p.client_id FROM client_profile p WHERE ("p"."vip");

-- consent: has not
-- rule: {"field":"consent","op":"has_not","value":"sms"}
-- parameters: none
SELECT p.client_id FROM client_profile p WHERE (NOT "p"."consent_sms");

-- product: holds
-- rule: {"field":"product","op":"holds","value":"DC_SALARY"}
-- parameters: none
SELECT p.client_id FROM client_profile p WHERE ((("p"."product_mask" >> 3) & 1) = 1);

-- product type: holds not
-- rule: {"field":"product_type","op":"holds_not","value":"credit_card"}
-- parameters: none
SELECT p.client_id FROM client_profile p WHERE (NOT (("p"."type_mask" >> 2) & 1) = 1);

-- recency: channel qualifier
-- rule: {"field":"contacted","op":"not_within_days","value":30,"channel":"sms"}
-- parameters: $1 = "2026-11-02"
SELECT p.client_id FROM client_profile p WHERE (NOT COALESCE("p"."last_sms_contact_on" >= CAST($1 AS DATE), false));

-- recency: program qualifier (PostgreSQL only) [PostgreSQL only]
-- rule: {"field":"responded","op":"within_days","value":90,"program":"XSELL"}
-- parameters: $1 = "XSELL", $2 = "2026-09-03", $3 = "UTC"
SELECT p.client_id FROM client_profile p WHERE (EXISTS (SELECT 1 FROM responses h JOIN programs g ON g.id = h.program_id
      WHERE h.client_id = p.client_id AND g.code = $1 AND h.responded_at >= (CAST($2 AS date)::timestamp AT TIME ZONE $3::text)));

-- saved selection, nested
-- rule: {"field":"selection","op":"in","value":2}
-- parameters: $1 = "mass", $2 = "mass_affluent"
SELECT p.client_id FROM client_profile p WHERE (("p"."segment" IN ($1, $2)) AND (NOT "p"."vip"));

-- saved selection: not in
-- rule: {"field":"selection","op":"not_in","value":1}
-- parameters: $1 = "mass", $2 = "mass_affluent"
SELECT p.client_id FROM client_profile p WHERE (NOT COALESCE("p"."segment" IN ($1, $2), false));

-- groups with NOT: a missing fact is false under NOT
-- rule: {"all":[{"field":"status","op":"eq","value":"active"},{"any":[{"field":"deposit_balance","op":"gte","value":1000000},{"field":"turnover_trend","op":"lt","value":-0.3}]},{"not":{"field":"open_complaint","op":"is_true"}}]}
-- parameters: $1 = "active", $2 = 1000000, $3 = -0.3
SELECT p.client_id FROM client_profile p WHERE (("p"."status" IN ($1)) AND (("p"."deposit_balance" >= CAST($2 AS double precision)) OR ("p"."turnover_trend" < CAST($3 AS double precision))) AND (NOT COALESCE("p"."has_open_complaint", false)));
