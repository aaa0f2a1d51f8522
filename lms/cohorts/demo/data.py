"""Made-up people and real partner institutions (named generically, with no claims about them)
for the demo cascade. Organisation tuples: name, acronym, kind, region name or None."""

FEMALE_FIRST = [
    "Aminata", "Fatoumata", "Mariam", "Awa", "Kadiatou", "Oumou", "Hawa", "Aïssata", "Djénéba",
    "Salimata", "Assitan", "Kadidia", "Rokia", "Nana", "Fanta", "Bintou", "Safiatou", "Maïmouna",
    "Coumba", "Adam", "Ramata", "Korotoumou", "Sitan", "Aïcha", "Tenin", "Niélé", "Haby",
    "Mahawa", "Fadimata", "Zeinabou",
]
MALE_FIRST = [
    "Moussa", "Mamadou", "Ibrahim", "Seydou", "Boubacar", "Oumar", "Amadou", "Souleymane",
    "Adama", "Bakary", "Modibo", "Sékou", "Drissa", "Lassana", "Youssouf", "Abdoulaye", "Cheick",
    "Issa", "Hamidou", "Mahamadou", "Alassane", "Siaka", "Yacouba", "Tiémoko", "Bréhima",
    "Mohamed", "Aliou", "Daouda", "Kalifa", "Ousmane",
]
LAST_NAMES = [
    "Traoré", "Coulibaly", "Diarra", "Keïta", "Touré", "Sissoko", "Diallo", "Konaté", "Sangaré",
    "Camara", "Doumbia", "Maïga", "Cissé", "Dembélé", "Kanté", "Sidibé", "Samaké", "Togola",
    "Bagayoko", "Tangara", "Guindo", "Dicko", "Haïdara", "Ballo", "Fofana", "Diakité", "Sow",
    "Kouyaté", "Bamba", "Sacko", "Niaré", "Tounkara", "Ag Mohamed", "Cissoko", "Koné", "Berthé",
]
FUNCTION_WEIGHTS = [
    ("technician", 28), ("service_provider", 22), ("social_worker", 26), ("health_worker", 8),
    ("psychologist", 4), ("community_leader", 6), ("programme_officer", 5), ("other", 1),
]

G, NG, IG, UN, CB = ("governmental", "non_governmental", "intergovernmental", "un_agency",
                     "community_based")
ORGANISATIONS = [
    ("Ministère des Maliens établis à l'Extérieur et de l'Intégration Africaine", "MMEIA", G,
     "Bamako"),
    ("Direction Générale des Maliens de l'Extérieur", "DGME", G, "Bamako"),
    ("Direction Nationale du Développement Social", "DNDS", G, "Bamako"),
    ("Direction Nationale de la Promotion de l'Enfant et de la Famille", "DNPEF", G, "Bamako"),
    ("Direction Générale de la Protection Civile", "DGPC", G, "Bamako"),
    ("Agence Nationale pour l'Emploi", "ANPE", G, "Bamako"),
    ("Direction Régionale du Développement Social de Kayes", "DRDS Kayes", G, "Kayes"),
    ("Direction Régionale du Développement Social de Gao", "DRDS Gao", G, "Gao"),
    ("Direction Régionale du Développement Social de Mopti", "DRDS Mopti", G, "Mopti"),
    ("Direction Régionale de la Santé de Sikasso", "DRS Sikasso", G, "Sikasso"),
    ("Service Local du Développement Social de Kita", "SLDS Kita", G, "Kayes"),
    ("Croix-Rouge malienne", "CRM", NG, None),
    ("Caritas Mali", "", NG, None),
    ("Association Malienne des Expulsés", "AME", NG, "Bamako"),
    ("Save the Children Mali", "", NG, None),
    ("Plan International Mali", "", NG, None),
    ("Organisation internationale pour les migrations", "OIM", IG, "Bamako"),
    ("Délégation de l'Union européenne au Mali", "DUE", IG, "Bamako"),
    ("UNICEF Mali", "UNICEF", UN, "Bamako"),
    ("Haut-Commissariat des Nations unies pour les réfugiés", "HCR", UN, "Bamako"),
    ("Fonds des Nations unies pour la population", "UNFPA", UN, "Bamako"),
    ("Association des Migrants de Retour de Kayes", "AMRK", CB, "Kayes"),
    ("Coordination des Associations de Jeunes de Ségou", "CAJS", CB, "Ségou"),
    ("Association des Femmes Leaders de Mopti", "AFLM", CB, "Mopti"),
    ("Comité Communautaire d'Accueil de Tombouctou", "CCAT", CB, "Tombouctou"),
    ("Réseau Communautaire de Protection de Gao", "RCPG", CB, "Gao"),
]

# Master trainers: (username, first name, last name, sex, region)
MASTER_TRAINERS = [
    ("mt.sangare", "Boubacar", "Sangaré", "M", "Bamako"),
    ("mt.konate", "Kadiatou", "Konaté", "F", "Kayes"),
    ("mt.maiga", "Alassane", "Maïga", "M", "Gao"),
    ("mt.dembele", "Rokia", "Dembélé", "F", "Ségou"),
]

# The eight NRM training-of-trainers workshops of 2022: region, venue, start (m, d),
# master trainers (demo usernames), trainees.
NRM_WORKSHOPS = [
    ("Bamako", "Centre International de Conférences de Bamako", (5, 10),
     ("facilitator", "mt.sangare"), 32),
    ("Kayes", "Gouvernorat de Kayes", (5, 17), ("mt.konate", "mt.sangare"), 28),
    ("Koulikoro", "Maison de la Femme de Koulikoro", (5, 20), ("facilitator", "mt.dembele"), 27),
    ("Sikasso", "Chambre de Commerce de Sikasso", (5, 24), ("mt.sangare", "mt.dembele"), 28),
    ("Ségou", "Centre Culturel de Ségou", (5, 31), ("mt.dembele", "mt.konate"), 27),
    ("Mopti", "Hôtel de Ville de Mopti", (6, 7), ("mt.maiga", "mt.sangare"), 28),
    ("Tombouctou", "Salle de conférence du Gouvernorat", (6, 9), ("mt.maiga", "facilitator"), 26),
    ("Gao", "Maison des Jeunes de Gao", (6, 13), ("mt.maiga", "mt.konate"), 28),
]
