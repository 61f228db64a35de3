// The browser build's declarations: an init to await, then the same API.
import init, { validateCreateCustomerDto, type CreateCustomerDto } from "customer-validation/web";

export async function main(): Promise<CreateCustomerDto | undefined> {
  await init();
  const r = validateCreateCustomerDto({ number: "+14155551234" });
  return r.valid ? r.value : undefined;
}
