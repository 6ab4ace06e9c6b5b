export { plural } from "@contract/plural";
