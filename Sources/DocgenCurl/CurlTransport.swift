// Implemented by the owning issue; this file keeps the target building.
