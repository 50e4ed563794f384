/**
 * What a demo posting says about its specialty: the words a coder uses for the work, duties
 * only that specialty has, and sentences that name codes from the specialty's own ranges.
 * Roles let a function (auditing, denials, CDI) say which kind of work it audits or bills,
 * and pick that specialty too, so every code a posting names belongs to one it picked.
 *
 * Code numbers only: each sentence describes the work in our own words, never a CPT descriptor.
 */

export type PostingRole = {
  title: string;
  /** Specialties the role picks besides the template's own. */
  also?: string[];
  codeLines: string[];
  duties?: string[];
};

export type PostingDetails = {
  /** How a coder names the work in a sentence: "cardiology", "E/M", "risk adjustment". */
  noun: string;
  /** Where the work comes from, after "charts from": "our cath lab and heart clinics". */
  source: string[];
  duties: string[];
  /** Sentences naming codes from the specialty's ranges; a posting uses one or two. */
  codeLines: string[];
  /** A function (audit, billing, quality) lists only its own duties, not production coding's. */
  ownDutiesOnly?: boolean;
  /** Titles with their own codes and extra specialties (replace the template's titles). */
  roles?: PostingRole[];
};

export const postingDetails: Record<string, PostingDetails> = {
  "evaluation-management": {
    noun: "E/M",
    source: ["our primary and specialty care clinics", "hospitalist and clinic providers"],
    duties: [
      "Level office and hospital visits from medical decision making or total time, and explain the level you chose",
      "Decide when modifier 25 applies to a same-day procedure and when a prolonged-service add-on is supported",
      "Review split/shared hospital visits and confirm which provider performed the substantive portion",
    ],
    codeLines: [
      "Most of the queue is established office visits (99213, 99214) with hospital follow-up visits such as 99233.",
      "You will also code telemedicine visits from the 98000 block (98005 is common) and the occasional ED visit billed by our hospitalists (99285).",
    ],
  },
  "profee-physician": {
    noun: "professional fee",
    source: ["a multispecialty physician group", "our employed physicians across 20 specialties"],
    duties: [
      "Code office visits, minor procedures and in-office injections for many specialties in one queue",
      "Apply NCCI edits, global surgical periods and modifiers 25, 59, XE, XP, XS and XU",
      "Link each procedure to the diagnosis that supports it before the charge drops",
    ],
    codeLines: [
      "A typical day mixes office visits (99213) with the visit-complexity add-on G2211 and joint injections (20610).",
      "Expect skin biopsies (11102) and joint injections (20610) alongside routine 99213 visits.",
    ],
  },
  "inpatient-facility": {
    noun: "inpatient",
    source: ["our acute-care hospitals", "an academic medical center"],
    duties: [
      "Abstract complete inpatient stays and sequence the principal diagnosis for MS-DRG assignment",
      "Capture CC/MCC conditions supported by the record and assign POA indicators",
      "Build ICD-10-PCS procedure codes from operative reports and send compliant queries when the record conflicts",
    ],
    codeLines: [
      "Sepsis (A41.9) with acute kidney injury (N17.9) and acute respiratory failure (J96.01) are everyday sequencing questions.",
      "Cardiac stays are common: NSTEMI (I21.4) with heart failure (I50.23) and the procedures that go with them.",
    ],
  },
  "outpatient-facility": {
    noun: "hospital outpatient",
    source: ["our hospital outpatient departments", "same-day surgery and observation units"],
    duties: [
      "Code observation stays, same-day surgery and infusion visits for OPPS claims",
      "Check APC packaging, status indicators and medical-necessity edits before release",
      "Report device C-codes with the procedures they were used in",
    ],
    codeLines: [
      "Infusion visits (96365) and outpatient colonoscopies (45380) make up much of the queue.",
      "Same-day surgery charts such as knee arthroscopy (29881) carry device C-codes like C1776.",
    ],
  },
  "ambulatory-surgery-center": {
    noun: "surgery center",
    source: ["our surgery centers", "multi-specialty ASCs in three states"],
    duties: [
      "Code facility claims against the ASC covered-procedures list and device-intensive rules",
      "Apply multiple-procedure discounting and bilateral rules on every case",
      "Report implants with the right C-code and confirm invoices for high-cost devices",
    ],
    codeLines: [
      "Cases run from cataract surgery (66984) and knee arthroscopy (29881) to lumbar facet injections (64483).",
      "Expect cataract cases (66984) and orthopedic cases with implants billed under C1713.",
    ],
  },
  "emergency-department": {
    noun: "emergency department",
    source: ["two Level I trauma centers", "our emergency departments"],
    duties: [
      "Assign ED visit levels for physicians and facility levels from our hospital criteria",
      "Code critical care time, laceration repairs and fracture care from ED notes",
      "Add injury and external-cause codes with the right seventh character",
    ],
    codeLines: [
      "Physician levels run up to 99285 with critical care time (99291) on the sickest patients.",
      "Simple repairs (12002) for scalp wounds (S01.81XA) are daily work, next to level 99285 visits.",
    ],
  },
  anesthesia: {
    noun: "anesthesia",
    source: ["our anesthesia group and CRNA practice", "anesthesia providers at eight hospitals"],
    duties: [
      "Turn anesthesia records into claims with base units, exact start and stop times and physical-status modifiers",
      "Apply medical-direction modifiers (AA, QK, QX) and report qualifying-circumstance add-ons",
      "Capture separately reportable lines and nerve blocks placed for postoperative pain",
    ],
    codeLines: [
      "Common cases include upper abdominal procedures (00790) and arm and hand cases (01402), with 99100 when the patient's age qualifies.",
      "You will see eye anesthesia (00142) and upper abdominal cases (00790) every day.",
    ],
  },
  "pain-management": {
    noun: "interventional pain",
    source: ["our pain and spine clinics", "interventional pain physicians and their ASC"],
    duties: [
      "Code image-guided spine injections by level, laterality and approach",
      "Apply payer LCD rules for facet injections and radiofrequency ablation",
      "Separate bundled imaging guidance from reportable services",
    ],
    codeLines: [
      "Daily work includes lumbar facet injections (64483), epidural injections (62323) and radiofrequency ablation (64635).",
      "Expect epidural injections (62323) and facet work (64483) with payer-specific frequency limits.",
    ],
  },
  cardiology: {
    noun: "cardiology",
    source: ["our cath lab and heart clinics", "an interventional and electrophysiology program"],
    duties: [
      "Code diagnostic catheterizations and coronary interventions from cath lab reports",
      "Separate professional and technical components for echo and stress testing",
      "Track device checks and remote monitoring periods",
    ],
    codeLines: [
      "Cath lab charts such as left heart catheterization (93458) and coronary stenting (92928) come with I25.10 diagnoses.",
      "Expect echo reads (93306) next to catheterization cases (93458).",
    ],
  },
  "cardiac-imaging": {
    noun: "cardiac imaging",
    source: ["our echo and nuclear cardiology labs", "an imaging center with cardiac CT"],
    duties: [
      "Code echocardiography, cardiac CT and nuclear studies, splitting professional and technical components",
      "Confirm each study has a signed interpretation before coding",
      "Watch Category III codes for AI plaque analysis as they convert to Category I",
    ],
    codeLines: [
      "Transthoracic echo (93306) and myocardial perfusion imaging (78452) are the bulk of the reads.",
      "Coronary CTA (75574) with CT-derived FFR (75580) is a growing part of the queue.",
    ],
  },
  "cardiothoracic-vascular-surgery": {
    noun: "cardiothoracic and vascular surgery",
    source: ["our heart hospital", "cardiac and vascular surgeons at an academic center"],
    duties: [
      "Read long operative notes and identify each distinct procedure and add-on",
      "Apply co-surgeon and assistant-at-surgery modifiers correctly",
      "Code open and endovascular aortic work and dialysis access procedures",
    ],
    codeLines: [
      "Cases include coronary bypass (33533) and transcatheter valve replacement (33361).",
      "Vascular work runs from carotid endarterectomy (35301) to dialysis fistula creation (36821).",
    ],
  },
  "interventional-radiology": {
    noun: "interventional radiology",
    source: ["our IR suites", "hospital interventional radiologists"],
    duties: [
      "Build catheter placement, imaging supervision and guidance codes for each IR case",
      "Code peripheral revascularization by vessel territory and technique",
      "Report venous access, embolization and drainage procedures with their bundling rules",
    ],
    codeLines: [
      "Expect iliac and femoral interventions (37224) and embolization (37243).",
      "Port placements (36561) with fluoroscopic guidance (77001) are daily work.",
    ],
  },
  radiology: {
    noun: "diagnostic radiology",
    source: ["a teleradiology group", "our imaging centers"],
    duties: [
      "Code X-ray, CT, MRI, ultrasound and mammography from the radiologist's report",
      "Check contrast, laterality and professional or technical component on each study",
      "Assign diagnoses that support medical necessity from the reason for the exam",
    ],
    codeLines: [
      "High-volume reads include chest X-rays (71046) and abdomen-pelvis CT (74177).",
      "Expect brain MRI (70553) and screening mammography (77067) among hundreds of reads a day.",
    ],
  },
  "radiation-oncology": {
    noun: "radiation oncology",
    source: ["our cancer center", "freestanding radiation oncology centers"],
    duties: [
      "Follow each course of treatment from planning and simulation through weekly management",
      "Code IMRT, SBRT and brachytherapy delivery with image guidance",
      "Split professional and technical charges between hospital and freestanding sites",
    ],
    codeLines: [
      "Courses include IMRT delivery (77385), weekly management (77427) and IMRT planning (77301).",
      "Expect treatment delivery (77412) and weekly management (77427) on every course.",
    ],
  },
  "hematology-oncology": {
    noun: "hematology and oncology",
    source: ["our infusion centers", "a community oncology practice"],
    duties: [
      "Code chemotherapy and infusion administration by hierarchy and time",
      "Match administered doses to billing units and report waste with JW or JZ",
      "Code neoplasms from staging and treatment intent",
    ],
    codeLines: [
      "Chemotherapy infusions (96413) with drugs such as J9035 and J9271 fill most of the day.",
      "Breast cancer treatment (C50.911) with chemotherapy infusion (96413) is a common chart.",
    ],
  },
  orthopedics: {
    noun: "orthopedic",
    source: [
      "our orthopedic surgeons and sports medicine clinics",
      "an orthopedic group with two ASCs",
    ],
    duties: [
      "Code joint replacement, arthroscopy and fracture care with global periods in mind",
      "Apply laterality modifiers and injury seventh characters",
      "Code office injections, casting and bracing",
    ],
    codeLines: [
      "Total knee replacement (27447) for osteoarthritis (M17.11) and knee arthroscopy (29881) lead the surgical queue.",
      "Clinic days bring joint injections (20610) and arthroscopy follow-ups (29881).",
    ],
  },
  "general-surgery": {
    noun: "general surgery",
    source: ["our general surgeons", "hospital-employed surgeons"],
    duties: [
      "Code hernia, gallbladder, appendix, bowel and breast surgery",
      "Separate laparoscopic from open approaches and apply the global package",
      "Identify separately billable services during the global period",
    ],
    codeLines: [
      "Laparoscopic cholecystectomy (47562) and hernia repair (49505) are the everyday cases.",
      "Expect appendectomy (44970) and partial mastectomy (19301).",
    ],
  },
  "plastic-surgery": {
    noun: "plastic and reconstructive surgery",
    source: ["our plastic surgery and wound care practice", "a burn and reconstruction center"],
    duties: [
      "Code flaps, grafts and complex repairs by size and site",
      "Separate reconstructive care from cosmetic services",
      "Prepare medical-necessity support for prior authorization",
    ],
    codeLines: [
      "Breast reconstruction (19357) and muscle flaps (15734) are common cases.",
      "Expect tissue rearrangement (14040) and split-thickness grafts (15100).",
    ],
  },
  gastroenterology: {
    noun: "GI",
    source: ["our endoscopy centers", "a gastroenterology practice"],
    duties: [
      "Code screening and diagnostic colonoscopy and upper endoscopy",
      "Apply screening-to-diagnostic rules and modifiers PT and 33",
      "Code polyp removal by technique",
    ],
    codeLines: [
      "Colonoscopy (45378), polypectomy by snare (45385) and EGD with biopsy (43239) make up the queue.",
      "Expect colonoscopy with snare removal (45385) for colon polyps (K63.5).",
    ],
  },
  obgyn: {
    noun: "OB/GYN",
    source: ["our women's health clinics", "hospital labor and delivery"],
    duties: [
      "Code global obstetric packages and decide what falls outside them",
      "Code high-risk pregnancy visits and gynecologic surgery by approach",
      "Assign pregnancy diagnoses by trimester",
    ],
    codeLines: [
      "Global vaginal delivery (59400) and cesarean packages (59510) come with gestational diabetes (O24.410).",
      "Expect laparoscopic hysterectomy (58571) and global obstetric care (59400).",
    ],
  },
  urology: {
    noun: "urology",
    source: ["our urology clinics", "urologists and their surgery center"],
    duties: [
      "Code cystoscopy, stone treatment and prostate procedures",
      "Report in-office drugs, imaging and urodynamics",
      "Assign genitourinary diagnoses to the highest specificity",
    ],
    codeLines: [
      "Office cystoscopy (52000) and prostate biopsy (55700) are daily work.",
      "Expect prostate procedures (52601) for BPH (N40.1).",
    ],
  },
  nephrology: {
    noun: "nephrology",
    source: ["our nephrology practice", "dialysis units"],
    duties: [
      "Code monthly ESRD services by age and visit count",
      "Track dialysis visits and hospital rounding by day",
      "Stage CKD diagnoses from the documentation",
    ],
    codeLines: [
      "Monthly ESRD services (90960) and hemodialysis visits (90935) for ESRD patients (N18.6).",
      "Expect CKD stage 4 (N18.4) office follow-up next to dialysis visits (90935).",
    ],
  },
  dermatology: {
    noun: "dermatology",
    source: ["our dermatology clinics", "a Mohs surgery practice"],
    duties: [
      "Code biopsies, destruction and excisions by lesion size and margin",
      "Code Mohs stages and the repairs that follow",
      "Wait for pathology before coding excisions",
    ],
    codeLines: [
      "Skin biopsies (11102) and destruction of actinic keratoses (17000, L57.0) fill clinic days.",
      "Mohs surgery (17311) and biopsies (11102) are the core of the queue.",
    ],
  },
  ophthalmology: {
    noun: "ophthalmology",
    source: ["our retina and cataract practice", "eye surgery centers"],
    duties: [
      "Choose between eye exam codes and E/M for each visit",
      "Code cataract surgery and intravitreal injections with laterality",
      "Report retinal imaging and supplies",
    ],
    codeLines: [
      "Cataract surgery (66984) for age-related cataract (H25.11) is the main surgical work.",
      "Expect eye exams (92014) and intravitreal injections (67028).",
    ],
  },
  otolaryngology: {
    noun: "ENT",
    source: ["our ENT and audiology clinics", "otolaryngologists at two hospitals"],
    duties: [
      "Code endoscopic sinus surgery and nasal endoscopy bundling",
      "Code ear surgery and audiology testing",
      "Apply laterality to sinus and ear procedures",
    ],
    codeLines: [
      "Diagnostic nasal endoscopy (31237) and endoscopic sinus surgery (31256) are common.",
      "Expect tympanostomy tubes (69436) and audiometry (92557).",
    ],
  },
  "neurology-neurosurgery": {
    noun: "neurosurgery and neurology",
    source: ["our spine center", "neurosurgeons and neurologists"],
    duties: [
      "Count spinal levels, instrumentation and graft add-ons on fusion cases",
      "Code EEG, EMG and nerve conduction studies",
      "Support medical necessity with nervous-system diagnoses",
    ],
    codeLines: [
      "Lumbar fusion (22633) and laminotomy (63030) are the surgical core.",
      "Neurodiagnostics such as needle EMG (95886) for migraine and neuropathy patients (G43.909).",
    ],
  },
  pulmonology: {
    noun: "pulmonary",
    source: ["our pulmonary and critical care group", "sleep centers and ICUs"],
    duties: [
      "Code pulmonary function testing and bronchoscopy add-ons",
      "Code critical care time and ventilator management",
      "Report sleep studies",
    ],
    codeLines: [
      "Spirometry (94010, 94060) for COPD patients (J44.1) is daily work.",
      "Expect bronchoscopy with lavage (31624) alongside pulmonary function tests (94060).",
    ],
  },
  pediatrics: {
    noun: "pediatric",
    source: ["our pediatric practices", "a children's hospital"],
    duties: [
      "Pair each vaccine with the right counseling-based administration code",
      "Code well visits by age with a same-day sick visit when supported",
      "Code newborn care and perinatal conditions",
    ],
    codeLines: [
      "Well-child visits (99392) with vaccine counseling (90460) are the core of the queue.",
      "Newborn care (99460) for neonatal jaundice (P59.9) comes from our nursery.",
    ],
  },
  "primary-care": {
    noun: "primary care",
    source: ["our family and internal medicine clinics", "community health centers"],
    duties: [
      "Code office visits, annual wellness visits and preventive care",
      "Code chronic care management time",
      "Capture chronic conditions to the highest specificity",
    ],
    codeLines: [
      "Office visits (99214) for diabetes (E11.9) and chronic care management (99490) are daily work.",
      "Expect preventive visits (99397) and office visits (99214).",
    ],
  },
  "behavioral-health": {
    noun: "behavioral health",
    source: ["our behavioral health clinics", "a psychiatric hospital"],
    duties: [
      "Code psychiatric evaluations and psychotherapy by time",
      "Report interactive complexity and psychotherapy with E/M",
      "Code state Medicaid H-codes for community services",
    ],
    codeLines: [
      "Psychotherapy (90837) and psychiatric evaluations (90792) for depression (F33.1).",
      "Expect community services billed with H0031 alongside psychotherapy (90837).",
    ],
  },
  "pathology-laboratory": {
    noun: "pathology and laboratory",
    source: ["our reference laboratory", "hospital labs and a pathology group"],
    duties: [
      "Code surgical pathology by specimen and count units",
      "Apply panel rules and lab medical-necessity edits",
      "Code molecular and proprietary lab tests",
    ],
    codeLines: [
      "Surgical pathology (88305) with immunohistochemistry (88342) is the core.",
      "Expect metabolic panels (80053) and proprietary lab codes such as 0037U.",
    ],
  },
  "rehab-therapy": {
    noun: "therapy",
    source: ["our outpatient therapy clinics", "hospital rehab departments"],
    duties: [
      "Apply the 8-minute rule to timed therapy services",
      "Add therapy modifiers GP, GO and GN, and CQ or CO for assistants",
      "Check plans of care and progress reports",
    ],
    codeLines: [
      "Therapeutic exercise (97110) and manual therapy (97140) after PT evaluations (97161).",
      "Expect chiropractic manipulation (98941) and therapeutic exercise (97110).",
    ],
  },
  "risk-adjustment-hcc": {
    ownDutiesOnly: true,
    noun: "risk adjustment",
    source: ["Medicare Advantage member records", "provider charts from our value-based network"],
    duties: [
      "Review records for chronic conditions that map to CMS-HCC models",
      "Support every code with MEAT criteria",
      "Help with RADV-style audits",
    ],
    codeLines: [
      "Typical captures are diabetes with CKD (E11.22) and chronic heart failure (I50.22).",
      "Expect COPD (J44.9) and CKD stage 3 (N18.30) on retrospective reviews.",
    ],
  },
  cdi: {
    ownDutiesOnly: true,
    noun: "CDI",
    source: ["inpatient units at our hospitals"],
    duties: [
      "Review records during the stay and compare documentation with clinical indicators",
      "Send compliant queries for severity of illness and risk of mortality",
      "Reconcile working and final DRGs with the coding team",
    ],
    codeLines: [
      "Common queries involve sepsis (A41.51) and acute respiratory failure (J96.01).",
      "Expect moderate malnutrition (E44.0) and acute blood loss anemia (D62) queries.",
    ],
  },
  "auditing-compliance": {
    ownDutiesOnly: true,
    noun: "audit",
    source: ["claims from our physicians and hospitals"],
    duties: [
      "Review samples of coded claims against documentation and score accuracy",
      "Calculate financial impact and write clear findings",
      "Educate providers and coders on audit results",
    ],
    codeLines: [],
    roles: [
      {
        title: "DRG Validation Auditor",
        also: ["inpatient-facility"],
        codeLines: [
          "You will validate MS-DRG assignment on high-risk pairs such as sepsis (A41.9) and acute respiratory failure (J96.01).",
          "Reviews focus on principal diagnosis selection, such as NSTEMI (I21.4) versus heart failure (I50.23).",
        ],
        duties: [
          "Validate MS-DRG assignment and CC/MCC capture on inpatient claims before and after billing",
          "Defend DRG findings in payer audits",
        ],
      },
      {
        title: "Senior Professional Fee Auditor",
        also: ["evaluation-management"],
        codeLines: [
          "Audits center on office visit levels (99214, 99215) and initial hospital visits (99223).",
        ],
        duties: ["Audit E/M levels against medical decision making and time"],
      },
      {
        title: "Coding Auditor",
        also: ["profee-physician"],
        codeLines: [
          "Samples mix office visits (99213) with the G2211 add-on and joint injections (20610).",
        ],
      },
      {
        title: "Coding Compliance Specialist",
        also: ["profee-physician"],
        codeLines: ["Current focus areas include the G2211 add-on and modifier 25 with 99213."],
      },
      { title: "Coding Quality & Education Analyst", codeLines: [] },
    ],
  },
  "denials-ar-billing": {
    ownDutiesOnly: true,
    noun: "billing and denials",
    source: ["our physician billing office", "health system business office"],
    duties: [
      "Work denied claims from CARC and RARC codes and find the root cause",
      "Correct modifiers and diagnosis pointers and resubmit",
      "Write appeals with the documentation that supports them",
      "Follow up on aged accounts receivable",
    ],
    codeLines: [],
  },
  "hedis-quality": {
    ownDutiesOnly: true,
    noun: "HEDIS",
    source: ["health plan member records"],
    duties: [
      "Abstract records to close care gaps for HEDIS measures",
      "Apply measure specifications during the annual record review",
      "Report quality codes for blood pressure and diabetes control",
    ],
    codeLines: [
      "Quality codes such as 3044F and 3074F close diabetes and blood pressure gaps.",
      "Expect 2022F and 1111F on eye exam and medication reconciliation measures.",
    ],
  },
  "home-health": {
    noun: "home health",
    source: ["our home health and hospice agencies"],
    duties: [
      "Choose an acceptable primary diagnosis for PDGM grouping",
      "Align codes with OASIS assessments",
      "Sequence aftercare and wound codes",
    ],
    codeLines: [
      "Aftercare after joint replacement (Z47.1, Z96.651) is a common primary diagnosis.",
      "Expect heart failure (I50.22) and diabetes with hyperglycemia (E11.65).",
    ],
  },
  "snf-ltc": {
    noun: "skilled nursing",
    source: ["our skilled nursing facilities"],
    duties: [
      "Assign ICD-10-CM codes for the MDS and PDPM",
      "Work with the MDS coordinator on section I",
      "Code physician visits in the facility",
    ],
    codeLines: [
      "Facility visits (99306, 99309) for stroke aftercare (I69.351).",
      "Expect gait abnormality (R26.89) and stroke aftercare (I69.351).",
    ],
  },
  "dme-supplies": {
    noun: "DME",
    source: ["our DME and orthotics locations"],
    duties: [
      "Check documentation against DME MAC LCD requirements",
      "Apply rental and purchase rules and modifiers RR, NU and KX",
      "Code orthotics and prosthetics",
    ],
    codeLines: [
      "CPAP devices (E0601) with supplies (A4253) are the core.",
      "Expect oxygen concentrators (E1390) and knee braces (L1833).",
    ],
  },
};
