// The control of each kind of field, chosen by the descriptor's type (describe()).
import { ScalarNode, ScalarListNode } from "./scalar.js";
import { JsonNode, StructNode } from "./json.js";
import { ObjectNode, ObjectListNode } from "./groups.js";

/** Builds the control of one field; `form` supplies validation, words and the current options. */
export function buildField(field, parent, form, key = field.name) {
  switch (field.type) {
    case "object":
      return new ObjectNode(field, parent, form, key);
    case "list":
      return field.items.type === "object" ? new ObjectListNode(field, parent, form, key) : new ScalarListNode(field, parent, form, key);
    case "map":
      return field.ref ? new StructNode(field, parent, form, key) : new JsonNode(field, parent, form, key);
    case "any-object":
      return new JsonNode(field, parent, form, key);
    default:
      return new ScalarNode(field, parent, form, key);
  }
}
