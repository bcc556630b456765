// The attestation stored on one stance (docs/decisions/0041), for the answer of a write.
// $params: id
// RETURN: attestation, attestedById
MATCH (s:Stance {id: $id})
RETURN s.attestation AS attestation, s.attestedById AS attestedById
