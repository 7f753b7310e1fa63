-- Strongroom store, schema version 7: how each rotation of a KMS key's material came about,
-- for ListKeyRotations' RotationType. Generation 1 (the key's first material) has none; rotations
-- made before this version are of unknown type and are listed without one.

ALTER TABLE kms_key_material ADD COLUMN rotation_type TEXT;   -- AUTOMATIC | ON_DEMAND
