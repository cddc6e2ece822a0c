-- A cross-appointment 交叉任职 joins a seat on the Party side with a post in the management of
-- the company serving the complex. When that company's contract at the complex ends (another
-- company takes over with 'prop complex assign', or the contract is cut short), its
-- cross-appointments there end the same day, with the reason: the person no longer holds a
-- post in the serving company, and the complex counts among 'prop crossapp gaps' until the
-- new company's people are cross-appointed.
CREATE FUNCTION property.end_crossapps_with_contract() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE property.cross_appointments a
    SET ends_on = n.ends_on, end_reason = 'the company''s service contract at the complex ended on ' || n.ends_on
    FROM new_contracts n JOIN old_contracts o ON o.id = n.id
    WHERE n.ends_on IS NOT NULL AND (o.ends_on IS NULL OR n.ends_on < o.ends_on)
      AND a.complex_id = n.complex_id AND a.company_id = n.company_id
      AND a.starts_on <= n.ends_on AND (a.ends_on IS NULL OR a.ends_on > n.ends_on);
    RETURN NULL;
END
$$;

CREATE TRIGGER service_contracts_end_crossapps AFTER UPDATE ON property.service_contracts
    REFERENCING OLD TABLE AS old_contracts NEW TABLE AS new_contracts
    FOR EACH STATEMENT EXECUTE FUNCTION property.end_crossapps_with_contract();

-- Bring existing terms in line: one that outlived its company's contract ends with it.
UPDATE property.cross_appointments a
SET ends_on = s.ends_on, end_reason = 'the company''s service contract at the complex ended on ' || s.ends_on
FROM property.service_contracts s
WHERE s.complex_id = a.complex_id AND s.company_id = a.company_id AND s.ends_on IS NOT NULL
  AND a.starts_on BETWEEN s.starts_on AND s.ends_on AND (a.ends_on IS NULL OR a.ends_on > s.ends_on);
