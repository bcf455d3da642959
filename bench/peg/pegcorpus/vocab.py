"""Italian public-administration vocabulary the sheets are drawn from.

Plain data: directions, services, people, D.U.P. lines, phase and indicator
wording. Realistic rather than real: the names are common Italian surnames
and first names, the offices those of a large municipality.
"""

DIRECTIONS = [
    "SEGRETARIO GENERALE",
    "DIREZIONE SERVIZI SOCIALI",
    "DIREZIONE CULTURA E SPORT",
    "DIREZIONE RISORSE FINANZIARIE",
    "DIREZIONE AMBIENTE",
    "DIREZIONE NUOVE INFRASTRUTTURE E MOBILITÀ",
    "DIREZIONE ISTRUZIONE",
    "DIREZIONE URBANISTICA",
    "DIREZIONE SVILUPPO ECONOMICO E TURISMO",
    "DIREZIONE RISORSE UMANE",
    "DIREZIONE SISTEMI INFORMATIVI",
    "DIREZIONE PATRIMONIO IMMOBILIARE",
    "DIREZIONE POLIZIA MUNICIPALE",
    "DIREZIONE SERVIZI DEMOGRAFICI",
    "DIREZIONE GARE, APPALTI E PARTECIPATE",
    "DIREZIONE SERVIZI TECNICI",
    "AREA DI COORDINAMENTO SVILUPPO URBANO",
    "SETTORE LAVORI PUBBLICI E MANUTENZIONI",
]

SERVICES = [
    "SEGRETARIO GENERALE",
    "SERVIZIO SOCIALE PROFESSIONALE",
    "SERVIZIO BIBLIOTECHE, ARCHIVI ED EVENTI",
    "SERVIZIO BILANCIO E CONTABILITÀ",
    "SERVIZIO TRIBUTI",
    "SERVIZIO QUALITÀ DELL'ARIA E RUMORE",
    "SERVIZIO MOBILITÀ E TRASPORTO PUBBLICO",
    "SERVIZIO SERVIZI ALL'INFANZIA",
    "SERVIZIO PIANIFICAZIONE URBANISTICA",
    "SERVIZIO ATTIVITÀ PRODUTTIVE E COMMERCIO",
    "SERVIZIO ACQUISIZIONE RISORSE",
    "SERVIZIO INFRASTRUTTURE TECNOLOGICHE",
    "SERVIZIO GESTIONE IMMOBILI",
    "SERVIZIO SICUREZZA URBANA",
    "SERVIZIO ANAGRAFE E STATO CIVILE",
    "SERVIZIO CONTRATTI E APPALTI",
    "SERVIZIO MANUTENZIONE STRADE",
    "UFFICIO DEL SINDACO",
    "U.O. PROTOCOLLO E ARCHIVIO",
]

SURNAMES = [
    "ROSSI", "BIANCHI", "ROMANO", "COLOMBO", "RICCI", "MARINO", "GRECO",
    "BRUNO", "GALLO", "CONTI", "DE LUCA", "MANCINI", "COSTA", "GIORDANO",
    "RIZZO", "LOMBARDI", "MORETTI", "BARBIERI", "FONTANA", "SANTORO",
    "MARIANI", "RINALDI", "CARUSO", "FERRARA", "GALLI", "MARTINI", "LEONE",
    "LONGO", "GENTILE", "MARTINELLI", "VITALE", "LOMBARDO", "SERRA",
    "COPPOLA", "DE SANTIS", "D'ANGELO", "MARCHETTI", "PARISI", "VILLA",
    "CONTE", "FERRARO", "FERRI", "FABBRI", "BIANCO", "MARINI", "GRASSO",
    "VALENTINI", "MESSINA", "SALA", "DE ANGELIS", "GATTI", "PELLEGRINI",
    "PALUMBO", "SANNA", "FARINA", "RIVA", "MONTI", "CATTANEO", "MORELLI",
    "AMATO", "SILVESTRI", "MAZZA", "TESTA", "DELL'ACQUA", "ASCIONE",
    "PAOLETTI", "BELLUCCI", "DI STEFANO", "GUERRINI", "NARDI",
]

FIRST_NAMES_F = [
    "MARIA", "ANNA", "GIULIA", "FRANCESCA", "CHIARA", "SARA", "LAURA",
    "VALENTINA", "ELENA", "SILVIA", "PAOLA", "ROBERTA", "CRISTINA",
    "MONICA", "BARBARA", "FEDERICA", "ALESSANDRA", "ELISABETTA", "ROSSELLA",
    "MARIA GRAZIA", "ANNA MARIA", "LUCIA", "ILARIA", "CLAUDIA",
]

FIRST_NAMES_M = [
    "GIUSEPPE", "MARCO", "ANDREA", "LUCA", "FRANCESCO", "ALESSANDRO",
    "MATTEO", "STEFANO", "ROBERTO", "PAOLO", "GIOVANNI", "ANTONIO",
    "MASSIMO", "FABIO", "DAVIDE", "SIMONE", "CARLO", "ALBERTO", "GIANLUCA",
    "PIER LUIGI", "GIAN MARCO", "LORENZO", "ENRICO", "MAURIZIO",
]

# Titles printed before a name; the gold keeps the name alone.
TITLES_F = ["Dott.ssa", "Dr.ssa", "Arch.", "Ing.", "Avv."]
TITLES_M = ["Dott.", "Dr.", "Arch.", "Ing.", "Avv.", "Geom."]

CLASSIFICATIONS = ["DIREZIONALE", "GESTIONALE", "STRATEGICO", "TRASVERSALE"]
TYPOLOGIES = ["SVILUPPO", "MANTENIMENTO", "MIGLIORAMENTO", "INNOVAZIONE"]

STRATEGIC_DIRECTIONS = [
    "BUONA AMMINISTR. E QUARTIERI",
    "WELFARE E PROMOZIONE SOCIALE",
    "CULTURA, SPORT E TEMPO LIBERO",
    "AMBIENTE E SOSTENIBILITÀ",
    "MOBILITÀ E INFRASTRUTTURE",
    "SVILUPPO ECONOMICO E LAVORO",
    "EDUCAZIONE E FORMAZIONE",
    "SICUREZZA E LEGALITÀ",
    "CITTÀ DIGITALE E INNOVAZIONE",
    "TERRITORIO E RIGENERAZIONE URBANA",
]

STRATEGIC_OBJECTIVES = [
    "GRANDE FIRENZE METROPOLITANA",
    "TRASPARENZA E PARTECIPAZIONE",
    "SOSTEGNO ALLE FRAGILITÀ",
    "EQUITÀ FISCALE",
    "QUALITÀ DELL'ARIA",
    "TRASPORTO PUBBLICO EFFICIENTE",
    "SCUOLE SICURE E INCLUSIVE",
    "SEMPLIFICAZIONE AMMINISTRATIVA",
    "VALORIZZAZIONE DEL PATRIMONIO",
    "COMMERCIO DI PROSSIMITÀ",
    "TRANSIZIONE DIGITALE DEI SERVIZI",
    "MANUTENZIONE DELLA CITTÀ",
]

# Objective titles: a head and an optional tail, joined with a space.
TITLE_HEADS = [
    "Progetto Grande Firenze, associazione intercomunale",
    "Riqualificazione dei mercati rionali",
    "Digitalizzazione dei procedimenti edilizi",
    "Potenziamento dei servizi di assistenza domiciliare",
    "Riorganizzazione del servizio di refezione scolastica",
    "Piano di azione per l'energia sostenibile",
    "Recupero dell'evasione dei tributi locali",
    "Nuovo regolamento per l'occupazione di suolo pubblico",
    "Apertura serale delle biblioteche comunali",
    "Sportello unico per le attività produttive",
    "Manutenzione straordinaria delle scuole primarie",
    "Rinnovo del parco veicoli della Polizia Municipale",
    "Censimento e valorizzazione degli immobili comunali",
    "Attuazione del piano triennale di prevenzione della corruzione",
    "Accoglienza dei minori stranieri non accompagnati",
    "Estensione della rete delle piste ciclabili",
    "Gestione associata dei servizi informatici",
    "Riduzione dei tempi di pagamento delle fatture",
    "Progetto estate ragazzi",
    "Sviluppo del portale dei servizi on line",
]
TITLE_TAILS = [
    "", "", "", "- seconda annualità", "nei quartieri periferici",
    "in collaborazione con la Città Metropolitana", "(PNRR M1C1)",
    "e monitoraggio dei risultati",
]

# Phase descriptions: action + object + optional complement; trimmed to 3-25 words.
PHASE_ACTIONS = [
    "Predisposizione", "Approvazione", "Monitoraggio", "Analisi",
    "Redazione", "Pubblicazione", "Avvio", "Verifica", "Realizzazione",
    "Affidamento", "Rendicontazione", "Ricognizione", "Definizione",
    "Attivazione", "Aggiudicazione", "Progettazione", "Collaudo",
    "Partecipazione agli incontri per la definizione", "Individuazione",
    "Formazione del personale per la gestione", "Presentazione alla Giunta",
]
PHASE_OBJECTS = [
    "bozza di convenzione", "del bando di gara", "del capitolato tecnico",
    "delle graduatorie", "del regolamento", "della delibera di indirizzo",
    "del piano operativo", "dei fabbisogni", "delle istanze pervenute",
    "del progetto esecutivo", "della relazione finale",
    "del cronoprogramma", "dell'avviso pubblico", "dei lavori",
    "del servizio", "delle procedure informatiche", "dei dati di attività",
    "della piattaforma", "degli accordi con gli enti",
    "della proposta di deliberazione",
]
PHASE_COMPLEMENTS = [
    "per la gestione di servizi associati",
    "con gli enti di volta in volta coinvolti",
    "in collaborazione con gli uffici della Città Metropolitana",
    "e trasmissione agli organi competenti",
    "secondo le linee guida regionali",
    "nel rispetto dei tempi previsti dal D.Lgs. 36/2023",
    "presso le sedi decentrate",
    "con il coinvolgimento delle associazioni del territorio",
    "e aggiornamento della sezione Amministrazione trasparente",
    "a seguito della verifica dei requisiti",
    "per l'anno in corso",
    "anche mediante incontri con i Quartieri",
    "e successiva approvazione da parte del Consiglio Comunale",
    "sulla base dei risultati del monitoraggio del primo semestre",
    "con particolare attenzione alle utenze più fragili",
]

CENTRES = [
    "SEGRETARIO GENERALE",
    "P.O. SERVIZI DEMOGRAFICI",
    "DIREZIONE SERVIZI SOCIALI",
    "SERVIZIO ATTIVITÀ PRODUTTIVE E COMMERCIO",
    "U.O. CONTRATTI E APPALTI",
    "P.O. BILANCIO",
    "UFFICIO TRIBUTI",
    "SERVIZIO MOBILITÀ",
    "P.O. GESTIONE AMMINISTRATIVA E CONTABILE",
    "UFFICIO TECNICO",
    "U.O. BIBLIOTECHE",
    "SERVIZIO SISTEMI INFORMATIVI",
    "CDR 04 - AMBIENTE",
    "CDR 12 - ISTRUZIONE",
    "Ufficio Relazioni con il Pubblico",
]

NOTES = [
    "In collaborazione con la Direzione Ambiente",
    "Fase già avviata nell'anno precedente",
    "Subordinata al finanziamento regionale",
    "Vedi cronoprogramma allegato",
    "Con il supporto di una società esterna",
    "Attività ricorrente",
]

INDICATOR_TYPES = ["RISULTATO", "EFFICACIA", "EFFICIENZA", "QUALITÀ", "TEMPORALE", "ECONOMICO"]

INDICATOR_DESCRIPTIONS = [
    "N. incontri con enti coinvolti",
    "N. enti coinvolti nel progetto di associazione",
    "Tempi medi di rilascio delle autorizzazioni SUAP",
    "Costo unitario del pasto",
    "Adozione del regolamento",
    "Pratiche evase sul totale delle pratiche pervenute",
    "Grado di soddisfazione degli utenti (customer satisfaction)",
    "Rispetto dei tempi del cronoprogramma",
    "Percentuale di riscossione dei tributi accertati",
    "N. utenti presi in carico",
    "Tempo medio di pagamento delle fatture",
    "Approvazione della deliberazione entro il termine",
    "N. giornate di formazione erogate",
    "Km di piste ciclabili realizzate",
    "Ore di apertura settimanale",
    "Pubblicazione dei dati in Amministrazione trasparente",
    "N. segnalazioni gestite",
    "Riduzione dei reclami rispetto all'anno precedente",
]

DESCRIPTION_SENTENCES = [
    "Nell'ambito del progetto si intende rafforzare la collaborazione con la Città Metropolitana, quale motore di sviluppo per le strategie di area vasta.",
    "L'obiettivo prevede la revisione dei procedimenti interni e la loro completa digitalizzazione, con la riduzione dei tempi di risposta ai cittadini.",
    "Comune e Città metropolitana dovranno lavorare in modo sempre più integrato, anche promuovendo la costituzione di uffici comuni e convenzioni.",
    "Compito della Direzione sarà l'assistenza tecnica alla predisposizione degli atti e il coordinamento degli uffici coinvolti.",
    "E' necessario il raccordo con gli altri servizi dell'ente e con le associazioni del territorio.",
    "Il progetto è finanziato in parte con risorse regionali e in parte con fondi propri di bilancio.",
    "Le attività saranno rendicontate alla Giunta con cadenza semestrale, anche ai fini della valutazione della performance.",
    "Particolare attenzione sarà posta alla comunicazione verso i cittadini e alla pubblicazione dei risultati raggiunti.",
    "La forte interazione con i livelli politici comporta un flusso informativo adeguato nei confronti dell'Assessore delegato.",
    "Si prevede inoltre l'aggiornamento del regolamento vigente, approvato con deliberazione del Consiglio Comunale n. 45 del 2019.",
    "L'intervento si colloca nel quadro delle misure del Piano Nazionale di Ripresa e Resilienza.",
    "Al termine dell'anno sarà redatta una relazione sui risultati e sulle criticità emerse.",
]
