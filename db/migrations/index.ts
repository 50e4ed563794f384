import type { Migration } from "kysely";
import * as initial from "./2026-11-27T0900_initial";
import * as auth from "./2026-11-27T1000_auth";
import * as email from "./2026-11-27T1010_email";
import * as search from "./2026-11-27T1020_search";
import * as jobQuestions from "./2026-11-27T1035_job_questions";
import * as billing from "./2026-11-27T1040_billing";
import * as applications from "./2026-11-27T1050_applications";
import * as savedJobs from "./2026-11-27T1060_saved_jobs";
import * as companyLogos from "./2026-11-27T1070_company_logos";
import * as backOffice from "./2026-12-01T1100_back_office";
import * as verification from "./2026-12-01T1101_verification";
import * as alerts from "./2026-12-01T1150_alerts";
import * as emailDeferred from "./2026-12-01T1151_email_deferred";
import * as schemaIntegrity from "./2026-12-01T1200_schema_integrity";
import * as counting from "./2026-12-01T1300_counting";
import * as jobCodes from "./2026-12-01T1400_job_codes";
import * as coderCodeFamilies from "./2026-12-01T1401_coder_code_families";
import * as jobCodesPageCache from "./2026-12-01T1402_job_codes_page_cache";
import * as fitArrays from "./2026-12-02T1410_fit_arrays";
import * as rankVector from "./2026-12-02T1411_rank_vector";
import * as specialtyRejections from "./2026-12-02T1500_specialty_rejections";
import * as jobSearchLists from "./2026-12-02T1510_job_search_lists";
import * as facetKeys from "./2026-12-02T1600_facet_keys";
import * as jobSearchLayout from "./2026-12-02T1700_job_search_layout";
import * as jobSearchListed from "./2026-12-02T1710_job_search_listed";

// Every migration, by name, in order. Listed by hand (not read from the folder) so the same
// code runs under tsx, Vitest and any bundler: add a line for each new migration file.
export const migrations: Record<string, Migration> = {
  "2026-11-27T0900_initial": initial,
  "2026-11-27T1000_auth": auth,
  "2026-11-27T1010_email": email,
  "2026-11-27T1020_search": search,
  "2026-11-27T1035_job_questions": jobQuestions,
  "2026-11-27T1040_billing": billing,
  "2026-11-27T1050_applications": applications,
  "2026-11-27T1060_saved_jobs": savedJobs,
  "2026-11-27T1070_company_logos": companyLogos,
  "2026-12-01T1100_back_office": backOffice,
  "2026-12-01T1101_verification": verification,
  // Built beside the back office and merged after it: named to run after it, so a database
  // that already has the back office takes them in order.
  "2026-12-01T1150_alerts": alerts,
  "2026-12-01T1151_email_deferred": emailDeferred,
  "2026-12-01T1200_schema_integrity": schemaIntegrity,
  "2026-12-01T1300_counting": counting,
  "2026-12-01T1400_job_codes": jobCodes,
  "2026-12-01T1401_coder_code_families": coderCodeFamilies,
  "2026-12-01T1402_job_codes_page_cache": jobCodesPageCache,
  "2026-12-02T1410_fit_arrays": fitArrays,
  "2026-12-02T1411_rank_vector": rankVector,
  "2026-12-02T1500_specialty_rejections": specialtyRejections,
  "2026-12-02T1510_job_search_lists": jobSearchLists,
  "2026-12-02T1600_facet_keys": facetKeys,
  "2026-12-02T1700_job_search_layout": jobSearchLayout,
  "2026-12-02T1710_job_search_listed": jobSearchListed,
};
