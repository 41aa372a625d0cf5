export { areasFor, can, homeFor, PERMISSIONS, type Permission, ROLES, type Role } from "./permissions";
