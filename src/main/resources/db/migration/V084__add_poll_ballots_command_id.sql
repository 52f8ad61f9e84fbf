-- The live command that cast a ballot (its client-made commandId): a resent vote is answered from its
-- ballot, so a burst of fresh votes writes one row a vote instead of a ballot and a command record
-- (live_commands still keeps the votes the full path decides: refusals, changed answers). NULL for
-- ballots written before this column, and for the votes tests cast directly.
ALTER TABLE poll_ballots ADD COLUMN command_id VARCHAR(100) NULL;
