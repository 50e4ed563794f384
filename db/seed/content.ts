/**
 * Seed content for MedCode Jobs: hand-written summaries, fictional employers, job templates,
 * reusable description paragraphs and demo locations.
 *
 * Pure data plus a couple of tiny pure helpers. No database access, no imports.
 *
 * Copyright note: nothing in this file reproduces AMA CPT descriptors. Code numbers and ranges are
 * named only as identifiers; all descriptions of work are original prose.
 */

// ---------------------------------------------------------------------------
// 1. Specialty summaries (one per slug in reference/specialties.json)
// ---------------------------------------------------------------------------

export const specialtySummaries: Record<string, string> = {
  "evaluation-management":
    "E/M coders assign visit levels for office, hospital, emergency, nursing facility and telemedicine encounters, choosing the level from medical decision making or total time. Expect heavy volume in office visits (99202–99215), hospital care (99221–99239), the telemedicine block (98000–98016), plus modifier 25 and prolonged-service decisions. Roles sit in physician groups, health systems and outsourced pro-fee coding teams, and many include provider education.",
  "profee-physician":
    "Professional-fee coders translate physician and advanced-practice documentation into CPT, HCPCS Level II and ICD-10-CM codes for claims billed under the rendering provider. The mix spans E/M visits, minor procedures, injections and in-office testing across many specialties, with close attention to NCCI edits, modifiers and global surgical periods. Typical employers are multispecialty groups, academic practice plans and remote coding vendors.",
  "inpatient-facility":
    "Inpatient coders abstract complete hospital stays, sequencing the principal diagnosis and secondary conditions in ICD-10-CM and building ICD-10-PCS procedure codes that drive MS-DRG or APR-DRG assignment. The work depends on reading the whole record, recognizing CC/MCC capture opportunities, sending compliant queries and applying POA indicators. Most positions are with acute-care hospitals, academic medical centers and facility-coding contractors.",
  "outpatient-facility":
    "Outpatient facility coders handle hospital-based encounters paid under OPPS, including observation stays, same-day surgery, infusions and diagnostic testing. They apply CPT surgery codes (10004–69990), drug administration (96360–96549) and C-codes (C1000–C9999) for devices, watching APC packaging, status indicators and medical-necessity edits. Settings include hospital outpatient departments, provider-based clinics and hospital revenue-integrity teams.",
  "ambulatory-surgery-center":
    "ASC coders code facility claims for freestanding and hospital-affiliated surgery centers, where payment depends on the ASC covered-procedures list and device-intensive rules. Common work includes cataract, orthopedic arthroscopy, GI endoscopy and pain procedures from the CPT surgery section, plus C-codes for implants and multiple-procedure discounting. Employers range from single-specialty surgery centers to multi-site ASC management companies.",
  "emergency-department":
    "ED coders work both sides of emergency care: professional E/M levels (99281–99285) and critical care time (99291–99292) for physicians, and facility levels built from hospital-specific criteria. Laceration repairs (12001–13160), fracture care, and injury and external-cause coding (S00–T88, V00–Y99) make up much of the daily volume. Jobs are found with hospital systems, emergency physician staffing groups and high-volume remote coding vendors.",
  anesthesia:
    "Anesthesia coders turn anesthesia records into claims using the anesthesia code set (00100–01999), base units, precise time reporting and physical-status modifiers. They handle qualifying-circumstance add-ons (99100–99140), medical-direction modifiers such as AA, QK and QX, and separately reportable lines, arterial lines and nerve blocks. Typical employers are anesthesia groups, CRNA practices and billing companies that serve them.",
  "pain-management":
    "Interventional pain coders report image-guided spine and nerve procedures such as epidural injections (62320–62327), facet and nerve blocks, and radiofrequency ablation (64400–64640). The job calls for careful attention to spinal levels, laterality, imaging guidance bundling and payer LCD coverage rules. Roles sit in pain practices, anesthesia groups, ASCs and orthopedic/spine centers.",
  cardiology:
    "Cardiology coders cover diagnostic and interventional cardiovascular services, from heart catheterization and coronary interventions (92920–93799) to echocardiography, stress testing and device monitoring. Diagnoses come largely from ICD-10-CM chapter I (I00–I99), and emerging technology appears as Category III codes. Positions are with cardiology groups, heart and vascular institutes and hospital cath-lab revenue teams.",
  "cardiac-imaging":
    "Cardiac imaging coders focus on echocardiography (93303–93356), cardiac CT and MR (75557–75580) and nuclear cardiology (78414–78499), separating professional and technical components. They also track AI-assisted plaque analysis and other Category III codes as they are added or converted, and confirm that each study has an interpreted report. Employers include imaging centers, cardiology practices and hospital radiology or cardiology departments.",
  "cardiothoracic-vascular-surgery":
    "Cardiothoracic and vascular surgery coders handle complex open and endovascular procedures: bypass grafting, valve repair or replacement including transcatheter approaches, thoracic surgery (32035–32999), and arterial and venous work in the 33016–37799 range. Operative notes are long, so the role depends on recognizing distinct procedures, add-on codes, co-surgeon and assistant modifiers. These jobs are concentrated in academic centers, heart hospitals and surgical specialty groups.",
  "interventional-radiology":
    "IR coders build codes for catheter-based procedures, where selective catheter placement (36000–37799), radiological supervision and interpretation (75600–75989) and fluoroscopic guidance (77001–77022) must be assembled correctly. Common work includes peripheral revascularization, embolization, venous access and drainage procedures, each with specific bundling rules. Employers are hospital radiology departments, IR practices and radiology billing vendors.",
  radiology:
    "Diagnostic radiology coders assign codes for X-ray, CT, MRI, ultrasound, mammography and nuclear medicine studies across the 70010–79999 range, usually from the radiologist's report alone. Volume is high and precision matters: contrast use, laterality, professional versus technical components, and diagnosis coding that supports medical necessity. Most roles are remote with radiology groups, teleradiology companies and imaging centers.",
  "radiation-oncology":
    "Radiation oncology coders follow a course of treatment from clinical treatment planning and simulation through dosimetry, device design, delivery and weekly management (77261–77799). Getting it right means knowing how IMRT, SBRT, brachytherapy and image guidance are reported, and how professional and technical charges split between freestanding and hospital settings. Employers include cancer centers, hospital oncology service lines and radiation oncology groups.",
  "hematology-oncology":
    "Hem/onc coders report chemotherapy and infusion services (96360–96549) alongside drug units from the J9000–J9999 range, matching administered dose to billing units and tracking waste with JW and JZ modifiers. Neoplasm coding from chapter C00–D49 and blood disorders through D89 requires close reading of staging and treatment intent. Roles are found in oncology practices, hospital infusion centers and specialty revenue-cycle teams.",
  orthopedics:
    "Orthopedic coders work across the musculoskeletal section (20100–29999): joint replacement, arthroscopy, fracture care, spine and hand surgery, as well as office injections and casting. Global periods, laterality modifiers and injury coding with the right seventh character (S00–T88, M00–M99) are daily concerns. Employers include orthopedic groups, sports medicine practices, ASCs and hospital surgical services.",
  "general-surgery":
    "General surgery coders handle a broad operative mix: hernia repair, gallbladder and appendix surgery, bowel resection, breast procedures, thyroid work and skin lesion removal (10004–19499, 40490–49999, 60000–60699). They sort out laparoscopic versus open approaches, global-package rules and which services are separately billable. Positions are with hospital-employed surgeons, surgical groups and multispecialty coding vendors.",
  "plastic-surgery":
    "Plastic and reconstructive coders work mainly in the integumentary section (10030–19499): flaps, grafts, complex wound repair, breast reconstruction and scar revision. A key part of the job is separating reconstructive care from cosmetic services and documenting medical necessity for prior authorization. Employers include plastic surgery practices, burn and wound centers and academic surgical departments.",
  gastroenterology:
    "GI coders report upper endoscopy (43180–43278), colonoscopy and sigmoidoscopy (45300–45398) and motility testing (91010–91299), together with digestive diagnoses from K00–K95. Screening-versus-diagnostic rules, polyp removal techniques and modifiers such as PT and 33 are the heart of the job. Roles sit with GI practices, endoscopy ASCs and hospital endoscopy units.",
  obgyn:
    "OB/GYN coders handle global obstetric packages (59000–59899), gynecologic surgery (56405–58999), and pregnancy-related diagnoses in chapter O (O00–O9A). Deciding what falls inside the global maternity package, coding high-risk pregnancy visits and reporting hysterectomy approaches all take specialty knowledge. Employers include women's health practices, hospital L&D service lines and multispecialty groups.",
  urology:
    "Urology coders report procedures from 50010–55980, including cystoscopy, stone treatment, prostate biopsy and procedures, and male genital surgery, along with diagnoses from N00–N99. Office-based urology also brings drug and supply coding, in-office imaging and urodynamic testing. Typical employers are urology groups, hospital surgical services and ASCs.",
  nephrology:
    "Nephrology coders manage dialysis services (90935–90999), monthly ESRD capitation and kidney-related diagnoses including CKD staging in N18. The work combines facility dialysis visits, office E/M and hospital rounding, with careful tracking of days and visits per month. Employers include nephrology practices, dialysis organizations and health-system specialty groups.",
  dermatology:
    "Dermatology coders handle biopsies, lesion destruction and excision, Mohs surgery (17311–17315) and repairs across 11000–17999, plus phototherapy and related services. Lesion size, margins, pathology results and the difference between benign and malignant findings (L00–L99 and neoplasm codes) drive code selection. Roles are in dermatology groups, Mohs practices and dermatopathology labs.",
  ophthalmology:
    "Ophthalmology coders work with eye exam codes (92002–92014) as an alternative to E/M, eye surgery (65091–68899), diagnostic imaging and supplies from the V-code range (V0000–V2999). Cataract surgery, intravitreal injections with drug units and retinal imaging make up much of the volume, along with laterality-specific diagnoses in H00–H59. Employers include ophthalmology and retina practices, eye surgery centers and optical groups.",
  otolaryngology:
    "ENT coders report nasal and sinus surgery (30000–31599), including endoscopic sinus procedures, along with ear surgery (69000–69979) and audiology and vestibular testing (92502–92700). Laterality, the bundling of nasal endoscopy and combining multiple sinus procedures are frequent challenges. Employers include ENT groups, audiology practices and hospital surgical services.",
  "neurology-neurosurgery":
    "Neuro and spine coders handle cranial and peripheral nerve surgery (61000–64999), spinal fusion and instrumentation (22010–22899), and neurodiagnostics such as EEG, EMG and nerve conduction studies (95700–96020). Spine coding in particular calls for precise level counting, instrumentation and bone graft add-ons, and medical-necessity support from G00–G99 and M codes. Roles sit with neurosurgery and neurology groups, spine centers and hospital neuroscience service lines.",
  pulmonology:
    "Pulmonology coders cover pulmonary function testing (94002–94799), bronchoscopy with its many add-on techniques (31615–31654), and respiratory diagnoses in J00–J99. Many roles also include critical care time, sleep studies and ventilator management for pulmonary and critical care physicians. Employers include pulmonary groups, hospital ICU teams and sleep centers.",
  pediatrics:
    "Pediatric coders handle preventive visits by age (99381–99395), vaccine products and counseling-based administration (90460–90759), and newborn care (99460–99480). Pairing each vaccine with the correct administration code, screening instruments and well-plus-sick visits on the same day are everyday issues, as are perinatal and congenital diagnoses (P00–Q99). Roles are with pediatric practices, children's hospitals and FQHCs.",
  "primary-care":
    "Primary care coders support family medicine and internal medicine with office E/M (99202–99215), preventive medicine (99381–99429), Medicare wellness visits and care management services (99487–99496). Chronic-condition coding, add-on complexity codes, screening services and modifier 25 with same-day procedures are routine. Employers include primary care groups, community health centers, value-based care organizations and health systems.",
  "behavioral-health":
    "Behavioral health coders report psychiatric evaluations and psychotherapy (90785–90899), psychological and neuropsychological testing (96105–96171), adaptive behavior services (97151–97158) and state Medicaid H-codes (H0001–H2037). Time thresholds, add-on interactive complexity and psychotherapy provided alongside E/M are common challenges, with diagnoses from F01–F99. Typical employers are behavioral health agencies, psychiatric hospitals, ABA providers and integrated care groups.",
  "pathology-laboratory":
    "Pathology and lab coders assign codes for chemistry panels, hematology, microbiology and molecular testing (80047–89398), surgical pathology levels and proprietary laboratory analyses (U codes). Unit counting, panel rules, specimen-based surgical pathology and medical-necessity edits for lab tests are central to the job. Employers include reference labs, hospital laboratories, pathology groups and molecular diagnostics companies.",
  "rehab-therapy":
    "Rehab coders report physical, occupational and speech therapy services, including evaluations and timed therapeutic procedures (97010–97799) and chiropractic and osteopathic manipulation (98925–98943). Applying the 8-minute rule, therapy modifiers (GP, GO, GN, and CQ/CO for assistants) and plan-of-care requirements are daily tasks. Employers include outpatient therapy clinics, hospital rehab departments and skilled nursing providers.",
  "risk-adjustment-hcc":
    "Risk adjustment coders review outpatient and inpatient records to capture chronic conditions that map to CMS-HCC, HHS-HCC or Medicaid risk models, using ICD-10-CM codes supported by MEAT or TAMPER criteria. Work includes retrospective chart review, prospective pre-visit review and RADV-style audit support. Employers are Medicare Advantage and ACA plans, value-based provider groups and risk adjustment vendors.",
  cdi: "CDI specialists review records while care is under way, comparing documentation with clinical indicators and issuing compliant queries so the final codes reflect severity of illness and risk of mortality. Inpatient CDI centers on MS-DRG and APR-DRG accuracy and CC/MCC capture; outpatient CDI focuses on HCC and quality-measure documentation. Roles sit in hospitals, academic centers and CDI consulting firms, and often need clinical (RN or physician) backgrounds.",
  "auditing-compliance":
    "Coding auditors and compliance specialists review samples of coded claims against documentation, calculate accuracy and financial impact, and educate providers and coders on findings. The work spans E/M leveling, surgical coding, DRG validation and payer-specific policy, plus responding to external audits and OIG work-plan areas. Employers include health systems, physician groups, payers and consulting firms.",
  "denials-ar-billing":
    "Billing and denials specialists resolve claim edits, work accounts receivable and appeal denied claims, reading CARC/RARC codes to identify coding, eligibility or authorization problems. Coding knowledge matters for modifier corrections, NCCI edits and diagnosis-pointer fixes before resubmission. Roles are found in health system business offices, physician billing companies and revenue cycle outsourcers.",
  "hedis-quality":
    "HEDIS and quality abstractors review medical records to close care gaps for quality measures such as diabetes control, blood pressure control and cancer screening. They work with CPT Category II codes (0001F–9007F), quality-reporting G-codes and measure specifications, often under seasonal medical record review deadlines. Typical employers are health plans, quality vendors and value-based provider organizations.",
  "home-health":
    "Home health and hospice coders assign ICD-10-CM codes that drive PDGM clinical grouping and comorbidity adjustments, working closely with OASIS assessment data. Choosing an acceptable primary diagnosis, sequencing aftercare and wound codes, and avoiding non-groupable codes are core skills. Employers include home health agencies, hospice providers and post-acute coding vendors.",
  "snf-ltc":
    "Skilled nursing and long-term care coders support PDPM reimbursement by assigning accurate ICD-10-CM codes in the MDS and on claims, often alongside the facility's MDS coordinator. Physician and APP visits in the facility (99304–99316) are coded for the professional side. Employers include SNF chains, long-term care pharmacies and post-acute physician groups.",
  "dme-supplies":
    "DME and supply coders assign HCPCS Level II codes for durable equipment (E0100–E8002), supplies (A-codes), enteral and parenteral nutrition (B-codes) and orthotics and prosthetics (K- and L-codes). They verify documentation against DME MAC LCD requirements, rental versus purchase rules and modifiers such as RR, NU, KX and the RT/LT pair. Employers include DME suppliers, orthotics and prosthetics labs, pharmacies and home infusion companies.",
};

// ---------------------------------------------------------------------------
// 2. Demo companies (fictional)
// ---------------------------------------------------------------------------

export type DemoCompany = {
  slug: string;
  name: string;
  kind: "hospital_system" | "physician_group" | "coding_vendor" | "payer" | "health_tech";
  website: string;
  headquarters: string;
  size: string;
  description: string;
  focusSpecialties: string[];
};

export const demoCompanies: DemoCompany[] = [
  // --- Hospital systems (4) ---
  {
    slug: "northriver-health",
    name: "Northriver Health",
    kind: "hospital_system",
    website: "https://northriver-health.example.com",
    headquarters: "Minneapolis, MN",
    size: "10,001+ employees",
    description:
      "Northriver Health is a **nine-hospital nonprofit system** with a Level I trauma center and more than 120 clinics across the Upper Midwest. Our centralized HIM department codes inpatient, outpatient and professional encounters, and most coding roles are **fully remote** after onboarding.",
    focusSpecialties: [
      "inpatient-facility",
      "outpatient-facility",
      "emergency-department",
      "cdi",
      "cardiology",
      "auditing-compliance",
    ],
  },
  {
    slug: "lanternfield-health",
    name: "Lanternfield Health System",
    kind: "hospital_system",
    website: "https://lanternfield-health.example.com",
    headquarters: "Columbus, OH",
    size: "5,001–10,000 employees",
    description:
      "Lanternfield Health System runs an academic medical center, four community hospitals and a regional cancer institute. Coders work alongside a mature CDI program and a dedicated education team, with **clear career ladders from Coder I to Coding Auditor**.",
    focusSpecialties: [
      "inpatient-facility",
      "cdi",
      "hematology-oncology",
      "radiation-oncology",
      "neurology-neurosurgery",
      "cardiothoracic-vascular-surgery",
      "interventional-radiology",
    ],
  },
  {
    slug: "red-juniper-health",
    name: "Red Juniper Health",
    kind: "hospital_system",
    website: "https://redjuniper-health.example.com",
    headquarters: "Phoenix, AZ",
    size: "5,001–10,000 employees",
    description:
      "Red Juniper Health serves the desert Southwest with six acute-care hospitals, two freestanding emergency departments and a growing network of surgery centers. Our facility coding team handles **high-volume ED, observation and same-day surgery** work from anywhere in our approved remote states.",
    focusSpecialties: [
      "emergency-department",
      "outpatient-facility",
      "ambulatory-surgery-center",
      "orthopedics",
      "radiology",
      "inpatient-facility",
    ],
  },
  {
    slug: "tidewater-crest-health",
    name: "Tidewater Crest Health",
    kind: "hospital_system",
    website: "https://tidewatercrest-health.example.com",
    headquarters: "Richmond, VA",
    size: "1,001–5,000 employees",
    description:
      "Tidewater Crest Health is a community-focused system with three hospitals, a home health agency and two skilled nursing facilities. We value coders who like variety: our team covers **acute, post-acute and professional fee** work under one HIM umbrella.",
    focusSpecialties: [
      "inpatient-facility",
      "outpatient-facility",
      "home-health",
      "snf-ltc",
      "obgyn",
      "profee-physician",
    ],
  },
  // --- Physician groups (3) ---
  {
    slug: "larkspur-valley-medical-group",
    name: "Larkspur Valley Medical Group",
    kind: "physician_group",
    website: "https://larkspur-valley.example.com",
    headquarters: "Denver, CO",
    size: "1,001–5,000 employees",
    description:
      "Larkspur Valley Medical Group is a **physician-led multispecialty group** with 400+ providers in primary care, pediatrics, women's health and surgical specialties. Our pro-fee coders partner directly with providers on documentation and take part in quarterly E/M education.",
    focusSpecialties: [
      "primary-care",
      "evaluation-management",
      "pediatrics",
      "obgyn",
      "dermatology",
      "behavioral-health",
      "profee-physician",
    ],
  },
  {
    slug: "harborlight-ortho-spine",
    name: "Harborlight Orthopedic & Spine Associates",
    kind: "physician_group",
    website: "https://harborlight-ortho.example.com",
    headquarters: "Boston, MA",
    size: "501–1,000 employees",
    description:
      "Harborlight Orthopedic & Spine Associates has 85 surgeons, two owned ASCs and an in-house physical therapy network across New England. Our coding team works **surgical, injection and therapy** claims and meets weekly with surgeons on complex cases.",
    focusSpecialties: [
      "orthopedics",
      "neurology-neurosurgery",
      "pain-management",
      "ambulatory-surgery-center",
      "rehab-therapy",
      "anesthesia",
    ],
  },
  {
    slug: "kestrel-heart-vascular",
    name: "Kestrel Heart & Vascular Institute",
    kind: "physician_group",
    website: "https://kestrel-heart.example.com",
    headquarters: "Nashville, TN",
    size: "201–500 employees",
    description:
      "Kestrel Heart & Vascular Institute is an independent cardiovascular group with interventional, electrophysiology, imaging and vascular surgery programs. Coders here get **deep specialty exposure**, from cath lab and device cases to cardiac CT and echo reads.",
    focusSpecialties: [
      "cardiology",
      "cardiac-imaging",
      "cardiothoracic-vascular-surgery",
      "interventional-radiology",
      "evaluation-management",
    ],
  },
  // --- Coding vendors / outsourcers (3) ---
  {
    slug: "quillstone-coding",
    name: "Quillstone Coding Solutions",
    kind: "coding_vendor",
    website: "https://quillstone-coding.example.com",
    headquarters: "Atlanta, GA",
    size: "501–1,000 employees",
    description:
      "Quillstone Coding Solutions provides **remote coding, backlog relief and coding audits** for more than 60 hospitals and physician groups nationwide. Coders choose full-time or contract schedules and receive client-specific training, productivity incentives and paid CEUs.",
    focusSpecialties: [
      "inpatient-facility",
      "outpatient-facility",
      "emergency-department",
      "profee-physician",
      "radiology",
      "auditing-compliance",
      "anesthesia",
      "gastroenterology",
    ],
  },
  {
    slug: "bluefen-revenue-integrity",
    name: "Bluefen Revenue Integrity",
    kind: "coding_vendor",
    website: "https://bluefen-ri.example.com",
    headquarters: "Dallas, TX",
    size: "201–500 employees",
    description:
      "Bluefen Revenue Integrity is a coding and denials-management firm serving specialty practices and health systems. Our teams handle **pro-fee specialty coding, denial root-cause analysis and appeals**, with a strong focus on oncology, urology and surgical specialties.",
    focusSpecialties: [
      "denials-ar-billing",
      "hematology-oncology",
      "urology",
      "general-surgery",
      "plastic-surgery",
      "otolaryngology",
      "ophthalmology",
      "pathology-laboratory",
    ],
  },
  {
    slug: "ninebark-him-services",
    name: "Ninebark HIM Services",
    kind: "coding_vendor",
    website: "https://ninebark-him.example.com",
    headquarters: "Kansas City, MO",
    size: "51–200 employees",
    description:
      "Ninebark HIM Services is a **coder-owned outsourcing company** specializing in post-acute and risk adjustment work. We support home health agencies, hospices, SNFs and value-based groups with OASIS-aligned coding, PDPM reviews and HCC chart retrieval and review.",
    focusSpecialties: [
      "home-health",
      "snf-ltc",
      "risk-adjustment-hcc",
      "hedis-quality",
      "nephrology",
      "pulmonology",
      "dme-supplies",
    ],
  },
  // --- Payers (2) ---
  {
    slug: "prairie-summit-health-plan",
    name: "Prairie Summit Health Plan",
    kind: "payer",
    website: "https://prairiesummit-plan.example.com",
    headquarters: "Omaha, NE",
    size: "1,001–5,000 employees",
    description:
      "Prairie Summit Health Plan offers Medicare Advantage, Medicaid managed care and ACA marketplace coverage to about 900,000 members in 11 states. Our **risk adjustment and quality teams** review provider records year-round and partner with network practices on documentation improvement.",
    focusSpecialties: [
      "risk-adjustment-hcc",
      "hedis-quality",
      "auditing-compliance",
      "cdi",
      "denials-ar-billing",
    ],
  },
  {
    slug: "silverpine-health-plan",
    name: "Silverpine Health Plan",
    kind: "payer",
    website: "https://silverpine-health.example.com",
    headquarters: "Portland, OR",
    size: "501–1,000 employees",
    description:
      "Silverpine Health Plan is a regional nonprofit insurer focused on Medicare Advantage and dual-eligible members in the Pacific Northwest. Coders join our **payment integrity, HCC and HEDIS** programs, reviewing claims and records with a member-first, provider-friendly approach.",
    focusSpecialties: [
      "risk-adjustment-hcc",
      "hedis-quality",
      "auditing-compliance",
      "dme-supplies",
      "behavioral-health",
    ],
  },
];

// ---------------------------------------------------------------------------
// 3. Job templates (one per specialty)
// ---------------------------------------------------------------------------

export type JobTemplate = {
  specialty: string;
  titles: string[];
  credentials: { required: string[]; preferred: string[] };
  codeMentions: string[];
  chartsPerDay?: [number, number];
  accuracyPct?: number;
};

export const jobTemplates: JobTemplate[] = [
  {
    specialty: "evaluation-management",
    titles: [
      "E/M Coding Specialist",
      "Remote E/M Coder II",
      "Professional Fee E/M Auditor",
      "Evaluation & Management Coding Analyst",
    ],
    credentials: { required: ["CPC"], preferred: ["CEMC"] },
    codeMentions: ["99214", "99233", "98005", "99285"],
    chartsPerDay: [120, 180],
    accuracyPct: 95,
  },
  {
    specialty: "profee-physician",
    titles: [
      "Professional Fee Coder I",
      "Multispecialty Physician Coder",
      "Remote Pro-Fee Coding Specialist",
      "Physician Coder II",
      "Entry-Level Medical Coder (CPC-A Welcome)",
    ],
    credentials: { required: ["CPC"], preferred: ["CCS-P"] },
    codeMentions: ["99213", "20610", "G2211", "11102"],
    chartsPerDay: [80, 120],
    accuracyPct: 95,
  },
  {
    specialty: "inpatient-facility",
    titles: [
      "Inpatient DRG Coding Specialist",
      "Inpatient Coder II",
      "Senior Inpatient Coder – Academic Medical Center",
      "Remote Inpatient Facility Coder",
    ],
    credentials: { required: ["CCS"], preferred: ["RHIT", "CIC"] },
    codeMentions: ["A41.9", "J96.01", "N17.9", "I21.4"],
    chartsPerDay: [18, 28],
    accuracyPct: 95,
  },
  {
    specialty: "outpatient-facility",
    titles: [
      "Outpatient Facility Coder",
      "Hospital Outpatient Coding Specialist II",
      "Observation & Same-Day Surgery Coder",
      "Remote OPPS Coder",
    ],
    credentials: { required: ["COC"], preferred: ["CCS"] },
    codeMentions: ["96365", "45380", "C1776", "71046"],
    chartsPerDay: [40, 70],
    accuracyPct: 95,
  },
  {
    specialty: "ambulatory-surgery-center",
    titles: [
      "ASC Coder",
      "Surgery Center Coding Specialist",
      "Ambulatory Surgery Coder II",
      "Multi-Site ASC Coding Lead",
    ],
    credentials: { required: ["COC"], preferred: ["CASCC"] },
    codeMentions: ["66984", "29881", "64483", "C1713"],
    chartsPerDay: [35, 55],
    accuracyPct: 95,
  },
  {
    specialty: "emergency-department",
    titles: [
      "Emergency Department Coder",
      "ED Pro-Fee and Facility Coder",
      "Remote Emergency Medicine Coder II",
      "ED Coding Specialist – Level I Trauma",
    ],
    credentials: { required: ["CPC"], preferred: ["CEDC", "COC"] },
    codeMentions: ["99285", "99291", "12002", "S01.81XA"],
    chartsPerDay: [150, 220],
    accuracyPct: 95,
  },
  {
    specialty: "anesthesia",
    titles: [
      "Anesthesia Coder",
      "Remote Anesthesia Coding Specialist",
      "Anesthesia & CRNA Billing Coder",
      "Senior Anesthesia Coder",
    ],
    credentials: { required: ["CPC"], preferred: ["CANPC"] },
    codeMentions: ["00790", "01402", "00142", "99100"],
    chartsPerDay: [100, 160],
    accuracyPct: 95,
  },
  {
    specialty: "pain-management",
    titles: [
      "Pain Management Coder",
      "Interventional Pain Coding Specialist",
      "Spine & Pain Procedure Coder",
    ],
    credentials: { required: ["CPC"], preferred: ["CANPC"] },
    codeMentions: ["64483", "62323", "64635", "M54.16"],
    chartsPerDay: [50, 80],
    accuracyPct: 95,
  },
  {
    specialty: "cardiology",
    titles: [
      "Remote Cardiology Coder II",
      "Cardiovascular Coding Specialist",
      "Cath Lab Coder",
      "Interventional Cardiology Coder",
    ],
    credentials: { required: ["CPC"], preferred: ["CCC", "CIRCC"] },
    codeMentions: ["93458", "92928", "93306", "I25.10"],
    chartsPerDay: [45, 75],
    accuracyPct: 95,
  },
  {
    specialty: "cardiac-imaging",
    titles: [
      "Cardiac Imaging Coder",
      "Echo & Nuclear Cardiology Coder",
      "Cardiovascular Imaging Coding Specialist",
    ],
    credentials: { required: ["CPC"], preferred: ["CCC", "RCC"] },
    codeMentions: ["93306", "75574", "78452", "75580"],
    chartsPerDay: [120, 200],
    accuracyPct: 95,
  },
  {
    specialty: "cardiothoracic-vascular-surgery",
    titles: [
      "Cardiothoracic Surgery Coder",
      "Vascular Surgery Coding Specialist",
      "CV Surgery Coder III",
      "Heart & Vascular Surgical Coder",
    ],
    credentials: { required: ["CPC"], preferred: ["CCVTC", "CIRCC"] },
    codeMentions: ["33533", "33361", "35301", "36821"],
    chartsPerDay: [20, 35],
    accuracyPct: 95,
  },
  {
    specialty: "interventional-radiology",
    titles: [
      "Interventional Radiology Coder",
      "IR/Vascular Coding Specialist",
      "Remote IR Coder II",
      "Senior Interventional Radiology Coder",
    ],
    credentials: { required: ["CPC"], preferred: ["CIRCC", "RCCIR"] },
    codeMentions: ["37224", "36561", "77001", "37243"],
    chartsPerDay: [30, 50],
    accuracyPct: 95,
  },
  {
    specialty: "radiology",
    titles: [
      "Radiology Coder",
      "Remote Diagnostic Radiology Coder",
      "Teleradiology Coding Specialist",
      "Imaging Coder I",
    ],
    credentials: { required: ["CPC"], preferred: ["RCC"] },
    codeMentions: ["71046", "74177", "70553", "77067"],
    chartsPerDay: [250, 400],
    accuracyPct: 95,
  },
  {
    specialty: "radiation-oncology",
    titles: [
      "Radiation Oncology Coder",
      "Radiation Oncology Charge Capture Specialist",
      "Cancer Center Coding Specialist",
    ],
    credentials: { required: ["CPC"], preferred: ["CHONC", "RCC"] },
    codeMentions: ["77385", "77412", "77427", "77301"],
    chartsPerDay: [40, 70],
    accuracyPct: 95,
  },
  {
    specialty: "hematology-oncology",
    titles: [
      "Oncology Coder",
      "Hematology/Oncology Coding Specialist",
      "Infusion Coding Specialist",
      "Remote Hem/Onc Coder II",
    ],
    credentials: { required: ["CPC"], preferred: ["CHONC"] },
    codeMentions: ["96413", "J9035", "J9271", "C50.911"],
    chartsPerDay: [50, 80],
    accuracyPct: 95,
  },
  {
    specialty: "orthopedics",
    titles: [
      "Orthopedic Surgery Coder",
      "Remote Orthopedic Coder II",
      "Orthopedic & Sports Medicine Coding Specialist",
      "Senior Ortho Coder",
    ],
    credentials: { required: ["CPC"], preferred: ["COSC"] },
    codeMentions: ["27447", "29881", "20610", "M17.11"],
    chartsPerDay: [40, 70],
    accuracyPct: 95,
  },
  {
    specialty: "general-surgery",
    titles: ["General Surgery Coder", "Surgical Coding Specialist II", "Remote Operative Coder"],
    credentials: { required: ["CPC"], preferred: ["CGSC"] },
    codeMentions: ["47562", "49505", "44970", "19301"],
    chartsPerDay: [35, 60],
    accuracyPct: 95,
  },
  {
    specialty: "plastic-surgery",
    titles: [
      "Plastic Surgery Coder",
      "Reconstructive Surgery Coding Specialist",
      "Plastics & Wound Care Coder",
    ],
    credentials: { required: ["CPC"], preferred: ["CPRC"] },
    codeMentions: ["19357", "15734", "14040", "15100"],
    chartsPerDay: [25, 45],
    accuracyPct: 95,
  },
  {
    specialty: "gastroenterology",
    titles: [
      "GI Coder",
      "Gastroenterology Coding Specialist",
      "Endoscopy Center Coder",
      "Remote GI Pro-Fee Coder",
    ],
    credentials: { required: ["CPC"], preferred: ["CGIC"] },
    codeMentions: ["45378", "45385", "43239", "Z12.11"],
    chartsPerDay: [70, 110],
    accuracyPct: 95,
  },
  {
    specialty: "obgyn",
    titles: [
      "OB/GYN Coder",
      "Women's Health Coding Specialist",
      "Obstetrics & Gynecology Coder II",
    ],
    credentials: { required: ["CPC"], preferred: ["COBGC"] },
    codeMentions: ["59400", "59510", "58571", "O24.410"],
    chartsPerDay: [60, 100],
    accuracyPct: 95,
  },
  {
    specialty: "urology",
    titles: ["Urology Coder", "Urology Coding & Charge Specialist", "Remote Urology Coder II"],
    credentials: { required: ["CPC"], preferred: ["CUC"] },
    codeMentions: ["52000", "55700", "52601", "N40.1"],
    chartsPerDay: [60, 100],
    accuracyPct: 95,
  },
  {
    specialty: "nephrology",
    titles: ["Nephrology Coder", "Dialysis Coding Specialist", "Nephrology Pro-Fee Coder"],
    credentials: { required: ["CPC"], preferred: ["CIMC"] },
    codeMentions: ["90935", "90960", "N18.6", "N18.4"],
    chartsPerDay: [80, 130],
    accuracyPct: 95,
  },
  {
    specialty: "dermatology",
    titles: [
      "Dermatology Coder",
      "Dermatology & Mohs Coding Specialist",
      "Remote Dermatology Coder I",
    ],
    credentials: { required: ["CPC"], preferred: ["CPCD"] },
    codeMentions: ["11102", "17000", "17311", "L57.0"],
    chartsPerDay: [90, 140],
    accuracyPct: 95,
  },
  {
    specialty: "ophthalmology",
    titles: [
      "Ophthalmology Coder",
      "Eye Care Coding Specialist",
      "Retina Practice Coder",
      "Ophthalmic Coding & Billing Specialist",
    ],
    credentials: { required: ["CPC"], preferred: ["OCS"] },
    codeMentions: ["66984", "67028", "92014", "H25.11"],
    chartsPerDay: [90, 150],
    accuracyPct: 95,
  },
  {
    specialty: "otolaryngology",
    titles: ["ENT Coder", "Otolaryngology Coding Specialist", "ENT & Audiology Coder"],
    credentials: { required: ["CPC"], preferred: ["CENTC"] },
    codeMentions: ["31237", "69436", "42820", "92557"],
    chartsPerDay: [60, 100],
    accuracyPct: 95,
  },
  {
    specialty: "neurology-neurosurgery",
    titles: [
      "Neurosurgery Coder",
      "Spine Surgery Coding Specialist",
      "Neurology & Neurodiagnostics Coder",
      "Senior Neurosurgical Coder",
    ],
    credentials: { required: ["CPC"], preferred: ["CCS-P"] },
    codeMentions: ["22633", "63030", "95886", "G43.909"],
    chartsPerDay: [25, 45],
    accuracyPct: 95,
  },
  {
    specialty: "pulmonology",
    titles: [
      "Pulmonology Coder",
      "Pulmonary & Critical Care Coder",
      "Sleep & Pulmonary Coding Specialist",
    ],
    credentials: { required: ["CPC"], preferred: ["CIMC"] },
    codeMentions: ["94010", "94060", "31624", "J44.1"],
    chartsPerDay: [80, 130],
    accuracyPct: 95,
  },
  {
    specialty: "pediatrics",
    titles: [
      "Pediatric Coder",
      "Pediatrics Coding Specialist",
      "Children's Hospital Pro-Fee Coder",
    ],
    credentials: { required: ["CPC"], preferred: ["CPEDC"] },
    codeMentions: ["99392", "90460", "99460", "Z00.129"],
    chartsPerDay: [120, 180],
    accuracyPct: 95,
  },
  {
    specialty: "primary-care",
    titles: [
      "Primary Care Coder",
      "Family Medicine Coding Specialist",
      "Internal Medicine Coder II",
      "Remote Primary Care Coder",
    ],
    credentials: { required: ["CPC"], preferred: ["CFPC", "CIMC"] },
    codeMentions: ["99214", "G0439", "99490", "E11.9"],
    chartsPerDay: [120, 180],
    accuracyPct: 95,
  },
  {
    specialty: "behavioral-health",
    titles: [
      "Behavioral Health Coder",
      "Psychiatry Coding Specialist",
      "Behavioral Health Billing & Coding Specialist",
    ],
    credentials: { required: ["CPC"], preferred: ["CCS-P"] },
    codeMentions: ["90837", "90792", "H0031", "F33.1"],
    chartsPerDay: [100, 160],
    accuracyPct: 95,
  },
  {
    specialty: "pathology-laboratory",
    titles: [
      "Pathology Coder",
      "Laboratory Coding Specialist",
      "Molecular Diagnostics Coder",
      "Remote Lab & Pathology Coder",
    ],
    credentials: { required: ["CPC"], preferred: ["CCS"] },
    codeMentions: ["88305", "88342", "80053", "0037U"],
    chartsPerDay: [200, 350],
    accuracyPct: 95,
  },
  {
    specialty: "rehab-therapy",
    titles: [
      "Therapy Services Coder",
      "Rehab Coding Specialist",
      "PT/OT Billing & Coding Specialist",
    ],
    credentials: { required: ["CPC"], preferred: ["CPB"] },
    codeMentions: ["97110", "97140", "97161", "98941"],
    chartsPerDay: [120, 200],
    accuracyPct: 95,
  },
  {
    specialty: "risk-adjustment-hcc",
    titles: [
      "Risk Adjustment Coder (HCC)",
      "Remote HCC Coding Specialist",
      "Risk Adjustment Coder II – Medicare Advantage",
      "Senior Risk Adjustment Quality Auditor",
      "Prospective HCC Review Coder",
    ],
    credentials: { required: ["CRC"], preferred: ["CPC", "CCDS-O"] },
    codeMentions: ["E11.22", "I50.22", "N18.30", "J44.9"],
    chartsPerDay: [20, 30],
    accuracyPct: 95,
  },
  {
    specialty: "cdi",
    titles: [
      "Clinical Documentation Integrity Specialist",
      "CDI Specialist – Inpatient",
      "Outpatient CDI Specialist",
      "CDI Educator",
    ],
    credentials: { required: ["CCDS"], preferred: ["CDIP", "CCS"] },
    codeMentions: ["A41.51", "J96.01", "E43", "D62"],
    chartsPerDay: [18, 25],
    accuracyPct: 95,
  },
  {
    specialty: "auditing-compliance",
    titles: [
      "Coding Auditor",
      "Coding Compliance Specialist",
      "Senior Professional Fee Auditor",
      "DRG Validation Auditor",
      "Coding Quality & Education Analyst",
    ],
    credentials: { required: ["CPMA"], preferred: ["CPC", "CPCO"] },
    codeMentions: ["99215", "99223", "G2211", "27447"],
    accuracyPct: 97,
  },
  {
    specialty: "denials-ar-billing",
    titles: [
      "Denials Management Specialist",
      "Coding Denials Analyst",
      "Medical Billing & A/R Specialist",
      "Revenue Cycle Representative",
    ],
    credentials: { required: ["CPB"], preferred: ["CRCR", "CPC"] },
    codeMentions: ["99213", "36415", "97110", "Z00.00"],
  },
  {
    specialty: "hedis-quality",
    titles: [
      "HEDIS Abstractor",
      "Quality Measure Review Nurse/Coder",
      "Seasonal HEDIS Medical Record Reviewer",
      "Quality Coding Specialist",
    ],
    credentials: { required: ["CPC"], preferred: ["CPHQ", "CRC"] },
    codeMentions: ["3044F", "3074F", "2022F", "1111F"],
    chartsPerDay: [30, 50],
    accuracyPct: 95,
  },
  {
    specialty: "home-health",
    titles: [
      "Home Health Coder",
      "Home Health & Hospice Coding Specialist",
      "OASIS Review Coder",
      "Remote PDGM Coder",
    ],
    credentials: { required: ["HCS-D"], preferred: ["HCS-O", "COS-C"] },
    codeMentions: ["Z47.1", "Z96.651", "I50.22", "E11.65"],
    chartsPerDay: [15, 25],
    accuracyPct: 95,
  },
  {
    specialty: "snf-ltc",
    titles: [
      "Skilled Nursing Facility Coder",
      "MDS/PDPM Coding Specialist",
      "Long-Term Care Coding Specialist",
    ],
    credentials: { required: ["CPC"], preferred: ["RAC-CT"] },
    codeMentions: ["99306", "99309", "I69.351", "R26.89"],
    chartsPerDay: [30, 50],
    accuracyPct: 95,
  },
  {
    specialty: "dme-supplies",
    titles: [
      "DME Coder",
      "DMEPOS Coding & Billing Specialist",
      "Orthotics & Prosthetics Coding Specialist",
    ],
    credentials: { required: ["CPB"], preferred: ["CPC", "CBCS"] },
    codeMentions: ["E0601", "E1390", "L1833", "A4253"],
    chartsPerDay: [60, 100],
    accuracyPct: 95,
  },
];

// ---------------------------------------------------------------------------
// 4. Reusable description paragraphs
// ---------------------------------------------------------------------------

export const descriptionParagraphs: {
  intro: string[];
  responsibilities: string[][];
  requirements: string[][];
  benefits: string[][];
} = {
  intro: [
    "{company} is hiring a **{title}** to join our growing coding team. You'll review {specialty} documentation every day and make sure each claim tells the complete, accurate story of the care our patients receive.",
    "Are you a detail-oriented coder who enjoys {specialty} work? {company} is looking for a **{title}** who takes pride in clean claims, clear queries and steady productivity.",
    "At {company}, coders are part of the care team. As our **{title}**, you'll turn provider documentation into compliant codes, partner with CDI and billing, and help us get paid right the first time.",
    "{company} is adding a **{title}** to support our {specialty} service line. This is a production coding role with a supportive lead, dedicated QA feedback and real room to grow.",
    "We're looking for an experienced **{title}** who knows {specialty} coding inside and out. At {company} you'll work a manageable, consistent queue with modern encoder tools and a team that answers questions quickly.",
    "Join {company} as a **{title}**. Our coders work remotely with flexible schedules, and we measure success by accuracy first and productivity second.",
    "{company} has an opening for a **{title}**. If you can read a {specialty} note and quickly find the codes, modifiers and diagnoses that support it, we'd like to hear from you.",
    "Our {specialty} volume keeps growing, and {company} needs another strong **{title}** to keep charts moving. You'll get a stable queue, clear expectations and coworkers who like to share tips.",
    "{company} is building a coding team where credentials, education and career growth matter. As a **{title}**, you'll code {specialty} encounters, take part in monthly education huddles and help shape our coding guidelines.",
    "Bring your {specialty} expertise to {company}. This **{title}** role combines daily production coding with the chance to mentor newer coders and flag documentation trends for provider education.",
  ],
  responsibilities: [
    [
      "Review and code {specialty} encounters using ICD-10-CM, CPT and HCPCS Level II according to official guidelines and payer policy",
      "Assign modifiers correctly and resolve NCCI and MUE edits before claims go out",
      "Send clear, compliant queries to providers when documentation is conflicting, incomplete or unclear",
      "Meet established productivity and accuracy standards in a remote work queue",
      "Keep current on annual code set updates, coding clinic guidance and payer bulletins",
    ],
    [
      "Abstract diagnoses and procedures from {specialty} records into the encoder and coding workflow",
      "Validate charge capture against documentation and reconcile missing charges daily",
      "Work coding-related denials and edits, correcting and resubmitting claims as needed",
      "Collaborate with billing, CDI and revenue integrity teams on recurring issues",
      "Participate in internal audits and act on feedback from quality reviews",
      "Protect patient privacy and follow HIPAA and organizational compliance policies",
    ],
    [
      "Code a daily queue of {specialty} charts with accuracy of 95% or higher",
      "Identify documentation gaps and escalate trends to the coding lead for provider education",
      "Apply LCD/NCD coverage rules and medical-necessity requirements to diagnosis selection",
      "Use the 3M, Optum or Epic encoder and coding tools efficiently",
      "Maintain a working knowledge of global surgical packages, bundling and add-on code rules",
    ],
    [
      "Perform retrospective and concurrent coding reviews for {specialty} services",
      "Confirm that every reported code is supported by signed, authenticated documentation",
      "Track productivity and hold time in the department workflow tool",
      "Answer coding questions from physicians, APPs and front-end staff",
      "Contribute to department tip sheets and coding policies",
    ],
    [
      "Assign accurate codes for professional and/or facility claims across the {specialty} service line",
      "Review operative and procedure notes to capture all separately reportable services",
      "Verify correct units, laterality and place of service on every claim",
      "Resolve claim scrubber edits within established turnaround times",
      "Support audit requests by pulling records and writing clear coding rationales",
      "Attend monthly coding education sessions and complete required CEUs",
    ],
    [
      "Code {specialty} records to the highest level of specificity supported by the documentation",
      "Partner with providers on documentation improvement opportunities in a non-leading, compliant manner",
      "Review prior-authorization and payer-specific coding requirements for high-dollar services",
      "Mentor Coder I and apprentice-level staff, including second-level review of their work",
      "Report recurring denial root causes to leadership with suggested fixes",
    ],
    [
      "Work an assigned {specialty} worklist in the EHR, meeting daily productivity targets",
      "Apply official ICD-10-CM guidelines, AHA Coding Clinic and CPT Assistant guidance",
      "Hold, query or route charts according to department workflow",
      "Keep accuracy at or above the department benchmark on monthly quality reviews",
    ],
  ],
  requirements: [
    [
      "Active {credentials} credential (required)",
      "{years}+ years of recent production coding experience",
      "Strong working knowledge of ICD-10-CM, CPT and HCPCS Level II",
      "Comfort using encoders and EHRs such as Epic, Cerner or athenaOne",
      "Reliable high-speed internet and a private, HIPAA-compliant workspace",
    ],
    [
      "{credentials} certification through AAPC, AHIMA or another recognized body",
      "Minimum of {years} years of coding experience in a similar setting",
      "Demonstrated accuracy of 95% or better on recent audits",
      "Solid understanding of medical terminology, anatomy and pathophysiology",
      "Ability to work independently and manage a daily queue with little supervision",
    ],
    [
      "Current {credentials} (must be maintained as a condition of employment)",
      "{years}+ years of hands-on coding in a hospital, physician practice or vendor setting",
      "Working knowledge of NCCI edits, modifiers and payer coverage policies",
      "Clear written communication skills for provider queries",
      "Must pass a pre-employment coding assessment",
    ],
    [
      "{credentials} required; additional specialty credentials are a plus",
      "{years} or more years of experience; candidates with strong coding test results may be considered with less",
      "Experience with production standards and quality review processes",
      "Proficiency with Microsoft Office or Google Workspace and remote collaboration tools",
      "Associate degree in HIM or a related field preferred",
    ],
    [
      "Active {credentials} in good standing",
      "At least {years} years coding the service line described above",
      "Familiarity with 3M 360 Encompass, Optum CAC or comparable tools",
      "Good understanding of compliant query practice and documentation requirements",
      "Able to adapt quickly to client-specific guidelines",
      "Comfortable meeting turnaround deadlines during month-end close",
    ],
    [
      "{credentials} credential, or the ability to earn it within 6 months of hire",
      "{years}+ years of relevant coding or billing experience",
      "Completion of a formal coding program or equivalent training",
      "Strong attention to detail and a commitment to continuous learning",
      "Must reside in one of our approved remote-work states",
    ],
  ],
  benefits: [
    [
      "100% remote with company-provided laptop and dual monitors",
      "Medical, dental and vision coverage starting the first of the month after hire",
      "401(k) with employer match",
      "Paid CEUs and annual credential renewal fees",
      "Generous PTO plus paid holidays",
    ],
    [
      "Competitive hourly pay with quarterly productivity incentives",
      "Flexible scheduling: choose your core hours",
      "Health savings account with employer contribution",
      "Tuition reimbursement and support for additional certifications",
      "Employee assistance program and wellness stipend",
    ],
    [
      "Pension plan and 403(b) with match",
      "Comprehensive medical, dental, vision and life insurance",
      "Paid AAPC or AHIMA membership",
      "Clear career ladder from Coder I to Senior Coder, Auditor and Educator",
      "Paid parental leave",
    ],
    [
      "Sign-on bonus for experienced coders",
      "Monthly home office and internet stipend",
      "Four-day work week option after 90 days",
      "Short- and long-term disability coverage",
      "Dedicated coding educator and monthly CEU webinars",
    ],
    [
      "Hybrid or fully remote options depending on location",
      "Paid time off that increases with tenure",
      "Free access to encoder, Coding Clinic and CPT Assistant subscriptions",
      "Annual merit increases tied to quality and productivity",
      "Friendly, collaborative team with regular virtual check-ins",
    ],
    [
      "Contract or full-time schedules available",
      "Weekly pay with per-chart or hourly options",
      "Overtime opportunities during backlog projects",
      "Referral bonuses for bringing fellow coders on board",
    ],
  ],
};

// ---------------------------------------------------------------------------
// 5. Demo cities (real US cities, downtown ZIP, approximate centroid)
// ---------------------------------------------------------------------------

export type DemoCity = { city: string; state: string; zip: string; lat: number; lng: number };

export const demoCities: DemoCity[] = [
  { city: "New York", state: "NY", zip: "10001", lat: 40.7128, lng: -74.006 },
  { city: "Los Angeles", state: "CA", zip: "90012", lat: 34.0522, lng: -118.2437 },
  { city: "Chicago", state: "IL", zip: "60601", lat: 41.8781, lng: -87.6298 },
  { city: "Houston", state: "TX", zip: "77002", lat: 29.7604, lng: -95.3698 },
  { city: "Phoenix", state: "AZ", zip: "85004", lat: 33.4484, lng: -112.074 },
  { city: "Philadelphia", state: "PA", zip: "19103", lat: 39.9526, lng: -75.1652 },
  { city: "San Antonio", state: "TX", zip: "78205", lat: 29.4241, lng: -98.4936 },
  { city: "San Diego", state: "CA", zip: "92101", lat: 32.7157, lng: -117.1611 },
  { city: "Dallas", state: "TX", zip: "75201", lat: 32.7767, lng: -96.797 },
  { city: "Jacksonville", state: "FL", zip: "32202", lat: 30.3322, lng: -81.6557 },
  { city: "Columbus", state: "OH", zip: "43215", lat: 39.9612, lng: -82.9988 },
  { city: "Charlotte", state: "NC", zip: "28202", lat: 35.2271, lng: -80.8431 },
  { city: "Indianapolis", state: "IN", zip: "46204", lat: 39.7684, lng: -86.1581 },
  { city: "Seattle", state: "WA", zip: "98101", lat: 47.6062, lng: -122.3321 },
  { city: "Denver", state: "CO", zip: "80202", lat: 39.7392, lng: -104.9903 },
  { city: "Nashville", state: "TN", zip: "37203", lat: 36.1627, lng: -86.7816 },
  { city: "Boston", state: "MA", zip: "02108", lat: 42.3601, lng: -71.0589 },
  { city: "Portland", state: "OR", zip: "97204", lat: 45.5152, lng: -122.6784 },
  { city: "Las Vegas", state: "NV", zip: "89101", lat: 36.1699, lng: -115.1398 },
  { city: "Detroit", state: "MI", zip: "48226", lat: 42.3314, lng: -83.0458 },
  { city: "Louisville", state: "KY", zip: "40202", lat: 38.2527, lng: -85.7585 },
  { city: "Baltimore", state: "MD", zip: "21202", lat: 39.2904, lng: -76.6122 },
  { city: "Milwaukee", state: "WI", zip: "53202", lat: 43.0389, lng: -87.9065 },
  { city: "Albuquerque", state: "NM", zip: "87102", lat: 35.0844, lng: -106.6504 },
  { city: "Atlanta", state: "GA", zip: "30303", lat: 33.749, lng: -84.388 },
  { city: "Kansas City", state: "MO", zip: "64106", lat: 39.0997, lng: -94.5786 },
  { city: "Minneapolis", state: "MN", zip: "55401", lat: 44.9778, lng: -93.265 },
  { city: "New Orleans", state: "LA", zip: "70112", lat: 29.9511, lng: -90.0715 },
  { city: "Salt Lake City", state: "UT", zip: "84111", lat: 40.7608, lng: -111.891 },
  { city: "Birmingham", state: "AL", zip: "35203", lat: 33.5186, lng: -86.8104 },
  { city: "Omaha", state: "NE", zip: "68102", lat: 41.2565, lng: -95.9345 },
  { city: "Oklahoma City", state: "OK", zip: "73102", lat: 35.4676, lng: -97.5164 },
  { city: "Little Rock", state: "AR", zip: "72201", lat: 34.7465, lng: -92.2896 },
  { city: "Boise", state: "ID", zip: "83702", lat: 43.615, lng: -116.2023 },
  { city: "Des Moines", state: "IA", zip: "50309", lat: 41.5868, lng: -93.625 },
  { city: "Richmond", state: "VA", zip: "23219", lat: 37.5407, lng: -77.436 },
  { city: "Tampa", state: "FL", zip: "33602", lat: 27.9506, lng: -82.4572 },
  { city: "Sioux Falls", state: "SD", zip: "57104", lat: 43.5446, lng: -96.7311 },
  { city: "Portland", state: "ME", zip: "04101", lat: 43.6591, lng: -70.2568 },
  { city: "Anchorage", state: "AK", zip: "99501", lat: 61.2181, lng: -149.9003 },
];

// ---------------------------------------------------------------------------
// Tiny pure helpers
// ---------------------------------------------------------------------------

/** Replace `{key}` placeholders; unknown keys are left untouched. */
export function fillPlaceholders(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (match, key: string) =>
    key in vars ? String(vars[key]) : match,
  );
}
