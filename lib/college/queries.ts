import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { collegeOf } from "./college";

/** The college for the pages (the layout's title, the login page, the statements); null while not set. */
export const currentCollege = cache(async () => collegeOf(db()));
