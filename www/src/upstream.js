// The upstream request each model's payload is the body of, for "Copy as cURL": method and
// path from the seed documents (../shared/seeds) and SPEC.md; hosts the seeds do not give
// are variables the person sets, as is the credential.

const UPSTREAM = {
  // SPEC: "One schema upstream serves both POST /customers and PATCH /customers/{id}".
  customer: {
    create: { method: "POST", url: "$CIRCUIT_ID_API/customers" },
    patch: { method: "PATCH", url: "$CIRCUIT_ID_API/customers/$CUSTOMER_ID" },
    auth: "Authorization: Bearer $CIRCUIT_ID_TOKEN",
  },
  // Vapi takes a CreateCustomerDTO as the `customer` of a call.
  createCustomerDto: {
    create: { method: "POST", url: "https://api.vapi.ai/call", wrap: (body) => ({ assistantId: "$ASSISTANT_ID", customer: body }) },
    patch: { method: "POST", url: "https://api.vapi.ai/call", wrap: (body) => ({ assistantId: "$ASSISTANT_ID", customer: body }) },
    auth: "Authorization: Bearer $VAPI_API_KEY",
  },
  // Seed 002: "PATCH /customers/{customerId} HTTP/1.1, Host: evovoice.io".
  patchCustomer: {
    patch: { method: "PATCH", url: "https://evovoice.io/customers/$CUSTOMER_ID" },
    auth: "Authorization: Bearer $EVO_VOICE_TOKEN",
  },
};

/** A shell word in single quotes (a quote inside becomes '\''). */
const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The cURL command that would send `body` upstream for `model` in `mode`. */
export function curl(model, mode, body) {
  const api = UPSTREAM[model];
  const request = api[mode] ?? api.patch;
  const payload = request.wrap ? request.wrap(body) : body;
  return [
    `curl -X ${request.method} "${request.url}"`,
    `  -H "${api.auth}"`,
    `  -H 'Content-Type: application/json'`,
    `  --data-raw ${quote(JSON.stringify(payload))}`,
  ].join(" \\\n");
}
