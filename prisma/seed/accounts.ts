// The demo district's sign-ins, printed by `npm start` and used by the browser tests.
export const DEMO_PASSWORD = "pathways-demo";

export const DEMO_ACCOUNTS = {
  districtAdmin: { email: "morgan.ellis@northbrook.test", name: "Morgan Ellis" },
  admin: { email: "admin@northbrook.test", name: "Alex Rivera" },
  teacher: { email: "linh.nguyen@northbrook.test", name: "Linh Nguyen" },
  mathTeacher: { email: "daniel.okafor@northbrook.test", name: "Daniel Okafor" },
  scienceTeacher: { email: "sofia.garcia@northbrook.test", name: "Sofia Garcia" },
  elementaryTeacher: { email: "grace.whitfield@riverside.test", name: "Grace Whitfield" },
  student: { email: "maya.chen@northbrook.test", name: "Maya Chen" },
  otherStudent: { email: "jonah.brooks@northbrook.test", name: "Jonah Brooks" },
  guardian: { email: "wei.chen@family.test", name: "Wei Chen" },
  // A Riverside parent of two (Gabi and Leo Moreno): the family view's journey.
  familyOfTwo: { email: "rosa.moreno@family.test", name: "Rosa Moreno" },
  // A Northbrook student with a class and teacher of their own: the email journey's.
  languageTeacher: { email: "ana.ortiz@northbrook.test", name: "Ana Ortiz" },
  emailStudent: { email: "tomas.herrera@northbrook.test", name: "Tomás Herrera" },
} as const;
