-- An event whose consumers produce many deliveries is dispatched in steps, each its own
-- transaction: the consumers that have finished are recorded here, so a step (or a worker taking
-- over after a crash) runs only the others. It stays undispatched until all have finished.
ALTER TABLE domain_event ADD COLUMN consumers_done text[] NOT NULL DEFAULT '{}';
