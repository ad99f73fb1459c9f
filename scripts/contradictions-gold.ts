// Hand-labelled conflicts in the five seed documents, for `npm run eval:contradictions`.
// Each entry is one real conflict an editor would confirm. Claims are named by a substring
// of their quote, so the list survives re-seeding and id changes; where several claims state
// the same side (a denial answering three accusations), any of them counts.
// Labelled by reading the documents, before and independently of what the detector proposes.
// Pooled judgments of the proposals these labels do not name (counted for pooled precision only,
// never for recall) are in contradictions-judged.json beside this file.

export interface GoldConflict {
  label: string;
  /** Substrings of the claims on one side (any of them). */
  a: string[];
  /** Substrings of the claims on the other side (any of them). */
  b: string[];
}

export const GOLD_CONFLICTS: GoldConflict[] = [
  // --- MQM declared a terrorist organization by a Canadian Court (blog, National Post article)
  {
    label: "Memo: MQM main player in the 1986-87 riots / Baqri: we were the victims",
    a: ["MQM was the main player in the ethnic riots"],
    b: ["We were the victims of the riots"],
  },
  {
    label: "Memo: MQM main player in the riots / Baqri: riots instigated by the ISI",
    a: ["MQM was the main player in the ethnic riots"],
    b: ["riots were instigated by Pakistan’s ISI"],
  },
  {
    // Baqri calls the memo as a whole inaccurate, so each of its accusations counts.
    label: "Memo and Quiggin: MQM violent / Baqri: never involved in violence, memo inaccurate",
    a: [
      "history of involvement in ethnic riots, kidnapping, torture and murder",
      "“Terrorist elements” in the MQM have engaged",
      "MQM drew its power from terrorist elements",
      "these insurgent elements were also responsible for generating funds",
      "the MQM factions have directed their violence against each other",
      "MQM was the main player in the ethnic riots",
      "well-deserved reputation for violence",
    ],
    b: ["neither he nor the MQM had ever been involved in violence"],
  },
  {
    label: "Human rights groups: MQM activists violent / Baqri: the groups are wrong",
    a: [
      "but they say MQM activists engaged in violence as well",
      "human rights groups and even Canadian officials say has a violent past",
      "Despite protestations by MQM leader Altaf Hussain",
      "opponents of the MQM were tortured and killed while in MQM custody",
    ],
    b: ["human rights groups are wrong", "either biased or influenced by the government", "organized campaign to malign MQM"],
  },
  {
    label: "Statement attributed to Leon Benoit / Benoit does not recall making it",
    a: ["We welcome MQM-Canada’s support"],
    b: ["does not recall making the comment", "does not believe he made the statement", "didn’t know that that was being attributed"],
  },
  // --- Anti-Pakistan Activities of MQM in the US (opinion)
  {
    label: "MQM called the operation a pretext against it / MQM had itself supported the operation",
    a: ["MQM dubbed the operation with the pretext"],
    b: ["this party had itself supported the operation"],
  },
  {
    label: "MQM: only Karachi is targeted / the army operates in other provinces too",
    a: ["only Karachi is being targeted by the Rangers"],
    b: ["conducting military operations in other parts of the country"],
  },
  {
    label: "Karachi's share of tax revenue: 70 per cent / 68%",
    a: ["collecting 70 per cent of the country’s tax revenue"],
    b: ["Karachi now provides 68% of all GOP tax revenues"],
  },
  {
    label: "Mugsi: Khalid Shameem picked the two boys / Dawn: Hammad Siddiqi provided them",
    a: ["Khalid Shameem picked two boys"],
    b: ["Hammad Siddiqi, who provided him two boys"],
  },
  // --- Diplomatic Involvement/Immunity in Karachi Killings (compilation)
  {
    label: "MQM men accused of Imran Farooq's murder / Wasey Jalil refutes it",
    a: [
      "is said to be the mastermind of Dr Imran’s murder",
      "Khalid Shamim was given the task of killing Dr Imran Farooq",
      "Altaf Hussain designated Waseem Akhtar",
      "rows within his own party may have led to his assassination",
      "his death was linked to rows within the MQM",
    ],
    b: ["Wasey Jalil refuted this notion"],
  },
  {
    label: "Reports link Farooq's murder to the MQM / MQM: reports baseless and concocted",
    a: [
      "is said to be the mastermind of Dr Imran’s murder",
      "Khalid Shamim was given the task of killing Dr Imran Farooq",
      "rows within his own party may have led to his assassination",
      "his death was linked to rows within the MQM",
      "It lies within the MQM",
    ],
    b: [
      "baseless and malicious reports being circulated against the party",
      "devoid of truth, baseless and concocted",
      "fabricated and malicious allegations",
      "desist from spreading false and unfounded speculations",
    ],
  },
  {
    label: "Hussain: enemies of the MQM killed Farooq / intelligence: rows within the MQM",
    a: ["killed Farooq and they will try to kill him"],
    b: ["his death was linked to rows within the MQM", "rows within his own party may have led to his assassination", "It lies within the MQM"],
  },
  {
    label: "Malik: MQM says the US urged it to oppose the NRO / Patterson denies the US spoke to the governor",
    a: ["had received this message during the Sindh governor’s recent trip", "both the US and the UK had urged the party to oppose"],
    b: ["Patterson denied that the US had spoken to the Sindh governor"],
  },
  {
    label: "Malik: Kayani not involved, Pasha acted alone / Patterson: naive, impossible without Kayani",
    a: ["did not believe that Chief of Army Staff (COAS) General Kayani"],
    b: ["either naive or intentionally misleading", "impossible for Pasha to move without Kayani", "Kayani, however, had told Patterson"],
  },
  {
    label: "Malik: CJP will not revoke Zardari's immunity / Patterson: the assumption ignores Chaudhry's record",
    a: ["the CJP would not revoke Zardari’s presidential immunity"],
    b: ["Malik’s views on Zardari’s legal troubles presuppose"],
  },
  {
    label: "Kamal, Sattar, Rizvi: Hussain's return rejected / Sattar: he could be induced to return",
    a: ["this idea had been rejected by the party"],
    b: ["Hussain could, in fact, be induced to return"],
  },
  {
    label: "Kamal: the US never condemned rights violations in 1990s Karachi / US State Department accused the MQM",
    a: ["the U.S. never condemned the on-going human rights violations"],
    b: ["the U.S State Department, Amnesty International, Human Rights Watch, and others accused"],
  },
  {
    label: "Kamal: PPP carried out 1990s extra-judicial killings / government blamed MQM for 1990s killings",
    a: ["PPP under Benazir Bhutto had embarked in the 1990’s on a series of extra-judicial killings"],
    b: ["The government blamed MQM for much of the killings in Karachi in the 1990s"],
  },
  {
    label: "MQM leaders: the US ignores us / Asia Times: the US is closer to the MQM than any party",
    a: ["stop ignoring us", "please don’t ignore us", "treated like a terrorist group"],
    b: ["the US has traditionally been closer to the MQM than any other party"],
  },
  {
    label: "Amjad: Aafia picked up in April 2003 / in March 2003",
    a: ["in April 2003, Aafia and our children had been picked up"],
    b: ["allegedly picked up in March 2003"],
  },
  {
    label: "Aafia held in Bagram for 18 days / tortured in detention for five years",
    a: ["imprisoned in Bagram for 18 days"],
    b: [
      "Aafia was tortured for five years",
      "after five years in detention Aafia is suddenly discovered",
      "tortured for years in Bagram",
      "consistently torturing her for years",
    ],
  },
  {
    label: "Family: Aafia abducted and held by the US / US officials: no knowledge of her whereabouts",
    a: ["Her family claimed that she was abducted", "Aafia was tortured for five years", "after five years in detention Aafia"],
    b: ["US officials insisted that they had no knowledge of her whereabouts"],
  },
  {
    label: "Family: Aafia abducted / Amjad: she and the children were seen around Karachi, she went underground",
    a: ["Her family claimed that she was abducted", "after her family claimed she had been abducted"],
    b: ["were seen around their house here and in Islamabad", "she went underground"],
  },
  {
    label: "Family and government: Aafia innocent, tortured / Amjad: stories based on falsehood",
    a: ["her family is adamant that she be sent back", "claiming her to be innocent"],
    b: ["propagating stories based on falsehood", "mere lies will help"],
  },
  {
    label: "Family blames Amjad for the father's death / Amjad: simply not true",
    a: ["held Amjad responsible for his death"],
    b: ["That is simply not true because I mailed the document"],
  },
  {
    label: "Amjad: aware of Aafia's violent personality / unaware of her violent behaviour",
    a: ["I was aware of Aafia's violent personality"],
    b: ["he was unaware of Aafia's violent behaviour"],
  },
  {
    label: "Fowzia: Ahmed is not Amjad's son, DNA reports cooked / Amjad identified his son",
    a: ["he was not my son but an orphan adopted by Aafia"],
    b: ["I had identified my son as soon as I saw"],
  },
  {
    label: "Family accused Amjad of kidnapping the children / he denies it",
    a: ["accused him of kidnapping his three children"],
    b: ["To deny this accusation"],
  },
  {
    label: "Family: Aafia's trip to the US was for job interviews / its real purpose was revealed at trial",
    a: ["claimed she made this trip to the US for job interviews"],
    b: ["the real purpose of Aafia's trip to the US"],
  },
  {
    label: "Fowzia: the children are in an orphanage in Afghanistan / Amjad: they are around Karachi",
    a: ["my two missing children being in an orphanage in Afghanistan", "children are missing after being removed from the Bagram"],
    b: ["I am sure they are around Karachi"],
  },
  {
    label: "Family: Aafia feared an attack from Amjad / Amjad: she would physically attack me",
    a: ["she feared an attack from him"],
    b: ["would physically attack me"],
  },
  {
    label: "Criminal complaint: Siddiqui fired the rifle / her lawyer: ridiculous",
    a: ["The warrant officer saw and heard Siddiqui fire", "Ms Siddiqui allegedly grabbed the rifle", "allegations about her trying to shoot a soldier"],
    b: ["I think its ridiculous", "you do not realise until the rifle is in her hand"],
  },
  // --- Background on the MQM (forum, Asia Times)
  {
    label: "Asia Times: the MQM had Pashtuns killed in the 1986 riot / Baqri: we were the victims",
    a: ["they had several Pashtuns killed", "The incident was immediately turned into a riot"],
    b: ["We were the victims of the riots"],
  },
  // --- MQM militancy (encyclopedia)
  {
    label: "US State Department and rights groups accused the MQM / MQM-A denied any involvement",
    a: ["accused MQM-London and a rival faction", "The government blamed MQM for much of the killings", "led it to be accused of terrorism"],
    b: ["routinely denied any involvement in the violence"],
  },
  {
    label: "Police: Farooq Dada died in a shoot-out / family: the men had been arrested at home",
    a: [
      "were shot dead by police in an armed encounter",
      "The Sindh Police claimed that Farooq Dada",
      "opened fire on the police as they attempted",
      "they found a weapons cache",
      "A gun battled ensued",
    ],
    b: ["family members claimed that the men had earlier been arrested", "reportedly held in shackles"],
  },
];
