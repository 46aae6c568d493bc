/**
 * Invented people for the demo caseload. Names are drawn per heritage so a family's guardians and
 * children sound like one family; none of them is a real person.
 */

export interface NamePool {
  surnames: readonly string[];
  women: readonly string[];
  men: readonly string[];
  children: readonly string[];
  /** The family's primary language, with how often a family of this pool speaks it at home. */
  language: string;
  homeLanguageShare: number;
  weight: number;
}

export const NAME_POOLS: readonly NamePool[] = [
  {
    surnames: ['García', 'Hernández', 'Martínez', 'López', 'González', 'Rodríguez', 'Pérez', 'Sánchez', 'Ramírez', 'Flores', 'Torres', 'Rivera', 'Gómez', 'Díaz', 'Morales', 'Ortiz', 'Castillo', 'Jiménez', 'Vargas', 'Mendoza', 'Ruiz', 'Aguilar', 'Núñez', 'Peña'],
    women: ['María José', 'Guadalupe', 'Rocío', 'Ana Lucía', 'Verónica', 'Marisol', 'Yesenia', 'Leticia', 'Araceli', 'Beatriz', 'Claudia', 'Ximena'],
    men: ['José Luis', 'Juan Carlos', 'Alejandro', 'Miguel Ángel', 'Rubén', 'Efraín', 'Héctor', 'Ramón', 'Joaquín', 'Andrés', 'Óscar', 'Fernando'],
    children: ['Mateo', 'Santiago', 'Sofía', 'Valentina', 'Diego', 'Camila', 'Emiliano', 'Ximena', 'Joaquín', 'Lucía', 'Iker', 'Renata', 'Sebastián', 'Itzel', 'Ángel', 'Daniela'],
    language: 'Spanish',
    homeLanguageShare: 0.6,
    weight: 26,
  },
  {
    surnames: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'],
    women: ['Thảo', 'Lan', 'Hương', 'Mai', 'Ngọc Anh', 'Thu Trang', 'Linh', 'Phương'],
    men: ['Minh', 'Tuấn', 'Quang', 'Hải', 'Đức', 'Thanh', 'Long', 'Khoa'],
    children: ['Bảo', 'An', 'Khang', 'Vy', 'Nhi', 'Huy', 'Kevin', 'Emily', 'Tâm', 'Thiện', 'Lily', 'Minh Châu'],
    language: 'Vietnamese',
    homeLanguageShare: 0.55,
    weight: 8,
  },
  {
    surnames: ['Miller', 'Johnson', 'Anderson', 'Thompson', 'Walsh', 'Sullivan', 'Bennett', 'Harper', 'Caldwell', 'Whitfield', 'Brennan', 'Lindqvist', 'Kowalski', 'Novak', 'Olsen', 'McAllister', 'Prescott', 'Donnelly'],
    women: ['Jennifer', 'Sarah', 'Katie', 'Megan', 'Heather', 'Amanda', 'Rachel', 'Lindsey', 'Colleen', 'Dana', 'Kristen', 'Beth'],
    men: ['Michael', 'Brian', 'Jason', 'Kevin', 'Matthew', 'Ryan', 'Greg', 'Todd', 'Derek', 'Sean', 'Craig', 'Nathan'],
    children: ['Liam', 'Owen', 'Ava', 'Harper', 'Caleb', 'Ella', 'Wyatt', 'Grace', 'Mason', 'Lucy', 'Eli', 'Nora', 'Jack', 'Maddie', 'Henry', 'Piper'],
    language: 'English',
    homeLanguageShare: 1,
    weight: 24,
  },
  {
    surnames: ['Washington', 'Jackson', 'Robinson', 'Coleman', 'Brooks', 'Jefferson', 'Simmons', 'Holloway', 'Gaines', 'Battle', 'Dawson', 'Pryor'],
    women: ['Tanisha', 'Keisha', 'Monique', 'Danielle', 'Ebony', 'Latoya', 'Jasmine', 'Simone', 'Renée', 'Crystal'],
    men: ['Marcus', 'Darnell', 'Terrence', 'Andre', 'Jamal', 'Reginald', 'Cedric', 'Malik', 'Darius', 'Troy'],
    children: ['Jaylen', 'Aaliyah', 'Josiah', 'Zion', 'Amara', 'Isaiah', 'Nia', 'Elijah', 'Kennedy', 'Malachi', 'Imani', 'Jordan'],
    language: 'English',
    homeLanguageShare: 1,
    weight: 16,
  },
  {
    surnames: ['Patel', 'Shah', 'Iyer', 'Reddy', 'Chatterjee', 'Nair', 'Desai', 'Menon', 'Krishnan', 'Bhatt'],
    women: ['Priya', 'Ananya', 'Deepa', 'Kavitha', 'Sunita', 'Meera', 'Lakshmi'],
    men: ['Rahul', 'Vikram', 'Sanjay', 'Arjun', 'Rajesh', 'Anil', 'Suresh'],
    children: ['Aarav', 'Diya', 'Vihaan', 'Anika', 'Ishaan', 'Saanvi', 'Rohan', 'Aditi', 'Kabir', 'Tara'],
    language: 'Gujarati',
    homeLanguageShare: 0.3,
    weight: 6,
  },
  {
    surnames: ['Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Huang', 'Zhou', 'Wu', 'Lin', 'Xu'],
    women: ['Mei', 'Xiaoling', 'Hui', 'Jing', 'Yan', 'Lan', 'Qing'],
    men: ['Wei', 'Jun', 'Hao', 'Lei', 'Jian', 'Tao', 'Bo'],
    children: ['Ethan', 'Chloe', 'Ryan', 'Grace', 'Yichen', 'Zihan', 'Lucas', 'Olivia', 'Haoran', 'Amy'],
    language: 'Mandarin',
    homeLanguageShare: 0.5,
    weight: 6,
  },
  {
    surnames: ['Haddad', 'Khalil', 'Nasser', 'Mansour', 'Saleh', 'Hamdan', 'Aziz', 'Darwish', 'Yousef'],
    women: ['Fatima', 'Layla', 'Rania', 'Nour', 'Huda', 'Samira', 'Mariam'],
    men: ['Omar', 'Khaled', 'Youssef', 'Tariq', 'Samir', 'Hassan', 'Karim'],
    children: ['Adam', 'Zaid', 'Leen', 'Yasmin', 'Ali', 'Sara', 'Hamza', 'Jana', 'Rayan', 'Lina'],
    language: 'Arabic',
    homeLanguageShare: 0.6,
    weight: 5,
  },
  {
    surnames: ['Okafor', 'Adeyemi', 'Nwosu', 'Balogun', 'Eze', 'Okonkwo', 'Abiodun', 'Chukwu'],
    women: ['Ngozi', 'Adaeze', 'Folake', 'Chiamaka', 'Yetunde', 'Funmilayo'],
    men: ['Chinedu', 'Emeka', 'Oluwaseun', 'Tunde', 'Ikenna', 'Babajide'],
    children: ['David', 'Chidera', 'Tobi', 'Adaora', 'Daniel', 'Kamsi', 'Ife', 'Somto'],
    language: 'Yoruba',
    homeLanguageShare: 0.2,
    weight: 4,
  },
  {
    surnames: ['Kim', 'Park', 'Choi', 'Jung', 'Kang', 'Yoon', 'Han', 'Seo'],
    women: ['Ji-yeon', 'Soo-jin', 'Min-ji', 'Eun-hee', 'Hye-won'],
    men: ['Jae-hyun', 'Sung-min', 'Dong-hoon', 'Min-jun', 'Hyun-woo'],
    children: ['Daniel', 'Joon', 'Hannah', 'Seo-yeon', 'Andrew', 'Ha-eun', 'Jisoo', 'Brian'],
    language: 'Korean',
    homeLanguageShare: 0.45,
    weight: 4,
  },
  {
    surnames: ['Warsame', 'Abdi', 'Hassan', 'Farah', 'Mohamed', 'Osman', 'Jama', 'Ali'],
    women: ['Hodan', 'Amina', 'Faadumo', 'Sahra', 'Ifrah', 'Hibo'],
    men: ['Abdirahman', 'Mahad', 'Liban', 'Abdullahi', 'Bashir', 'Yusuf'],
    children: ['Ayaan', 'Hamdi', 'Mustafe', 'Naima', 'Khadar', 'Sumaya', 'Ilhan', 'Zakariye'],
    language: 'Somali',
    homeLanguageShare: 0.65,
    weight: 3,
  },
];

/** Names for district staff, evaluators, mediators and attorneys. */
export const STAFF_FIRST_NAMES: readonly string[] = [
  'Karen', 'Denise', 'Patricia', 'Laura', 'Monica', 'Theresa', 'Angela', 'Yolanda', 'Rebecca', 'Shannon', 'Gloria', 'Hannah',
  'Robert', 'David', 'Steven', 'Carlos', 'Tyrone', 'Gregory', 'Paul', 'Luis', 'Thomas', 'Edward', 'Samuel', 'Victor',
  'Lorena', 'Thuy', 'Aisha', 'Priyanka', 'Ingrid', 'Colette', 'Beatriz', 'Naomi', 'Wen', 'Rosalind', 'Esperanza', 'Marguerite',
];
export const STAFF_SURNAMES: readonly string[] = [
  'Whitaker', 'Delgado', 'Fitzgerald', 'Okoro', 'Bramwell', 'Castañeda', 'Lundgren', 'Pham', 'Ashford', 'Villarreal',
  'Kincaid', 'Moreau', 'Petrakis', 'Gutiérrez', 'Hollis', 'Sandoval', 'Abernathy', 'Yamamoto', 'Rasmussen', 'Ferreira',
  'Oyelaran', 'Babcock', 'Quintero', 'Lindholm', 'Marchetti', 'Nakamura', 'Treviño', 'Easterly', 'Szabo', 'Kowalczyk',
  'Mbeki', 'Oduya', 'Harrington', 'Zelinski', 'Beaumont', 'Cárdenas', 'Halvorsen', 'Ng', 'Radcliffe', 'Ibarra',
];

export const GUARDIAN_RELATIONSHIPS = {
  woman: [['Mother', 20], ['Grandmother', 2], ['Aunt', 1], ['Foster parent', 1], ['Legal guardian', 1]],
  man: [['Father', 20], ['Stepfather', 2], ['Grandfather', 1], ['Legal guardian', 1]],
} as const;

export const STREET_NAMES: readonly string[] = [
  'Mesquite Ln', 'Oak Hollow Dr', 'Prairie View Rd', 'Juniper St', 'Magnolia Ave', 'Harbor Light Ct', 'Cypress Bend',
  'Willow Creek Dr', 'Sycamore St', 'Bluebonnet Trl', 'Canal St', 'Lakeshore Blvd', 'Pecan Grove', 'Chestnut Ct',
];
