"""Demo question bank of the `nrm` course: the National Referral Mechanism (EN + FR)."""

from .spec import mc, tf

ROOT = ("National Referral Mechanism", "Mécanisme national de référencement")
CATEGORIES = {
    "principles": ("Protection principles", "Principes de protection"),
    "pathways": ("Identification and referral", "Identification et référencement"),
    "actors": ("Actors and coordination", "Acteurs et coordination"),
}

QUESTIONS = [
    mc("principles",
       "Before referring a migrant to another service, what must you obtain first?",
       "Avant d'orienter un migrant vers un autre service, que devez-vous obtenir d'abord ?",
       [("The person's informed consent", "Le consentement éclairé de la personne", True),
        ("A letter from the village chief", "Une lettre du chef de village", False),
        ("The approval of the police", "L'accord de la police", False),
        ("A copy of their passport", "Une copie de son passeport", False)],
       "Referral rests on informed consent: the person understands what will be shared, "
       "with whom and why, and may refuse. Only a child's best interest or an immediate "
       "danger to life can justify acting without it, and this is recorded.",
       "Le référencement repose sur le consentement éclairé : la personne comprend ce qui "
       "sera partagé, avec qui et pourquoi, et peut refuser. Seuls l'intérêt supérieur d'un "
       "enfant ou un danger immédiat pour la vie peuvent justifier d'agir sans lui, et cela "
       "est consigné."),
    mc("principles",
       "Which of these are protection principles of the referral mechanism? "
       "(Choose every right answer.)",
       "Parmi ces éléments, lesquels sont des principes de protection du mécanisme de "
       "référencement ? (Cochez toutes les bonnes réponses.)",
       [("Do no harm", "Ne pas nuire", True),
        ("Confidentiality", "Confidentialité", True),
        ("Non-discrimination", "Non-discrimination", True),
        ("Publishing the names of victims to raise awareness",
         "Publier le nom des victimes pour sensibiliser", False)],
       "Do no harm, confidentiality and non-discrimination guide every step. Making a "
       "victim's identity public exposes them to reprisals and stigma.",
       "Ne pas nuire, la confidentialité et la non-discrimination guident chaque étape. "
       "Rendre publique l'identité d'une victime l'expose aux représailles et à la "
       "stigmatisation."),
    tf("principles",
       "When a child is involved, the best interest of the child comes before the wishes "
       "of the accompanying adult.",
       "Lorsqu'un enfant est concerné, son intérêt supérieur passe avant les souhaits de "
       "l'adulte qui l'accompagne.",
       True,
       "The best interest of the child is a primary consideration in every decision about "
       "an unaccompanied, separated or accompanied child.",
       "L'intérêt supérieur de l'enfant est une considération primordiale dans toute "
       "décision concernant un enfant non accompagné, séparé ou accompagné."),
    tf("principles",
       "To save time, a case file may be shared by WhatsApp with every partner of the "
       "network.",
       "Pour gagner du temps, un dossier peut être partagé par WhatsApp avec tous les "
       "partenaires du réseau.",
       False,
       "Information goes only to the service that needs it, through the agreed channel, "
       "with the person's consent: need to know, not nice to know.",
       "L'information ne va qu'au service qui en a besoin, par le canal convenu, avec le "
       "consentement de la personne : le besoin d'en connaître, pas la curiosité."),
    mc("pathways",
       "A frontline worker meets a migrant woman showing signs of trafficking. What is "
       "the first step under the mechanism?",
       "Un agent de première ligne rencontre une migrante présentant des signes de traite. "
       "Quelle est la première étape selon le mécanisme ?",
       [("Identify her needs and ensure her immediate safety",
         "Identifier ses besoins et assurer sa sécurité immédiate", True),
        ("Confront the suspected trafficker", "Confronter le trafiqueur présumé", False),
        ("Send her back to her region of origin", "La renvoyer dans sa région d'origine",
         False),
        ("Wait until she files a complaint", "Attendre qu'elle porte plainte", False)],
       "Identification and immediate safety come first; investigation belongs to the "
       "competent authorities and never puts the person at risk.",
       "L'identification et la sécurité immédiate viennent d'abord ; l'enquête revient aux "
       "autorités compétentes et ne doit jamais mettre la personne en danger."),
    mc("pathways",
       "What does a referral pathway describe?",
       "Que décrit un circuit de référencement ?",
       [("Which service to contact for which need, and how",
         "Quel service contacter pour quel besoin, et comment", True),
        ("The travel route of migrants across the Sahel",
         "L'itinéraire des migrants à travers le Sahel", False),
        ("The budget of each partner", "Le budget de chaque partenaire", False)],
       "A pathway maps needs (health, shelter, legal aid, psychosocial support...) to the "
       "services that meet them, with contacts and the steps to follow.",
       "Un circuit relie les besoins (santé, hébergement, aide juridique, soutien "
       "psychosocial...) aux services qui y répondent, avec les contacts et les étapes."),
    mc("pathways",
       "Which situations call for referral as a migrant in a vulnerable situation? "
       "(Choose every right answer.)",
       "Quelles situations justifient un référencement comme migrant en situation de "
       "vulnérabilité ? (Cochez toutes les bonnes réponses.)",
       [("An unaccompanied child", "Un enfant non accompagné", True),
        ("A survivor of violence", "Une personne survivante de violences", True),
        ("A person needing urgent medical care", "Une personne ayant besoin de soins "
         "médicaux urgents", True),
        ("A traveller with a valid ticket and no need", "Un voyageur muni d'un billet "
         "valide et sans besoin", False)],
       "Vulnerability comes from the person's situation and needs, not from their "
       "status as a migrant.",
       "La vulnérabilité tient à la situation et aux besoins de la personne, pas à son "
       "statut de migrant."),
    tf("pathways",
       "After a referral, the referring worker follows up to check that the person "
       "received the service.",
       "Après un référencement, l'agent qui a orienté la personne vérifie qu'elle a bien "
       "reçu le service.",
       True,
       "Follow-up closes the loop: a referral that nobody checks can leave the person "
       "without help.",
       "Le suivi boucle la boucle : un référencement que personne ne vérifie peut laisser "
       "la personne sans aide."),
    mc("actors",
       "Who developed the National Referral Mechanism validated in Mali in 2021?",
       "Qui a élaboré le Mécanisme national de référencement validé au Mali en 2021 ?",
       [("More than twenty governmental, intergovernmental and non-governmental partners",
         "Plus de vingt partenaires gouvernementaux, intergouvernementaux et non "
         "gouvernementaux", True),
        ("A single ministry alone", "Un seul ministère", False),
        ("The migrants' embassies", "Les ambassades des pays des migrants", False)],
       "The mechanism was built jointly by the actors who use it, which is why it works "
       "as a shared operational framework.",
       "Le mécanisme a été construit ensemble par les acteurs qui l'utilisent : c'est ce "
       "qui en fait un cadre opérationnel partagé."),
    mc("actors",
       "Why was the mechanism disseminated through training of trainers in Bamako and "
       "the regions?",
       "Pourquoi le mécanisme a-t-il été diffusé par la formation de formateurs à Bamako "
       "et dans les régions ?",
       [("So that trained actors pass it on to colleagues in their own areas",
         "Pour que les acteurs formés le transmettent à leurs collègues sur le terrain",
         True),
        ("To replace local services by national ones",
         "Pour remplacer les services locaux par des services nationaux", False),
        ("Because it is secret", "Parce qu'il est secret", False)],
       "The cascade lets each trained technician, service provider or social worker train "
       "others, so the mechanism reaches every region.",
       "La cascade permet à chaque technicien, prestataire ou travailleur social formé "
       "d'en former d'autres, pour que le mécanisme atteigne chaque région."),
    tf("actors",
       "A service that cannot meet a need should refer the person to the partner who "
       "can, rather than turn them away.",
       "Un service qui ne peut pas répondre à un besoin doit orienter la personne vers le "
       "partenaire qui le peut, plutôt que de la renvoyer.",
       True,
       "No single actor meets every need; the mechanism exists so that no door is a dead "
       "end.",
       "Aucun acteur ne répond seul à tous les besoins ; le mécanisme existe pour "
       "qu'aucune porte ne soit une impasse."),
]

ESSAY = (
    "actors",
    "A 15-year-old boy arrives alone at the bus station in Gao, tired and frightened. "
    "Describe, step by step, how you would apply the referral mechanism.",
    "Un garçon de 15 ans arrive seul à la gare routière de Gao, épuisé et effrayé. "
    "Décrivez, étape par étape, comment vous appliqueriez le mécanisme de référencement.",
    "A good answer covers immediate safety and basic needs, a child-friendly "
    "conversation, informing him and seeking his views, referral to child protection "
    "services with consent and confidentiality, and follow-up.",
    "Une bonne réponse traite de la sécurité et des besoins immédiats, d'un échange adapté "
    "à l'enfant, de son information et de la prise en compte de son avis, du "
    "référencement vers les services de protection de l'enfance dans la confidentialité, "
    "et du suivi.",
)

# Practice questions: a bank of their own. The practice quiz shows the right answer after each
# question, so none of these may sit in the post-test (services.questions_leaking).
PRACTICE = [
    tf("principles",
       "A person who refuses to be referred can still receive the services you offer yourself.",
       "Une personne qui refuse d'être orientée peut quand même recevoir les services que vous "
       "offrez vous-même.",
       True,
       "Refusing a referral is a right; it never takes away the help you can give directly.",
       "Refuser une orientation est un droit ; cela ne retire jamais l'aide que vous pouvez "
       "apporter directement."),
    tf("principles",
       "You may promise a person that their case will be solved within a week.",
       "Vous pouvez promettre à une personne que son cas sera réglé en une semaine.",
       False,
       "Never promise what you do not control: explain the steps and realistic delays.",
       "Ne promettez jamais ce que vous ne maîtrisez pas : expliquez les étapes et les délais "
       "réalistes."),
    mc("pathways",
       "Where do you write down a referral you have made?",
       "Où consignez-vous une orientation que vous avez faite ?",
       [("On the agreed referral form", "Sur la fiche de référencement convenue", True),
        ("Nowhere, to protect the person", "Nulle part, pour protéger la personne", False),
        ("On a public notice board", "Sur un tableau d'affichage public", False)],
       "The agreed form keeps a trace that the receiving service and the follow-up rely on.",
       "La fiche convenue garde une trace sur laquelle s'appuient le service qui reçoit et le "
       "suivi."),
    tf("pathways",
       "After a referral, checking that the person was actually received is part of the job.",
       "Après une orientation, vérifier que la personne a bien été reçue fait partie du travail.",
       True,
       "Follow-up closes the loop: a referral that nobody received has helped no one.",
       "Le suivi boucle la boucle : une orientation que personne n'a reçue n'a aidé personne."),
    tf("actors",
       "Only government services may take part in the referral network.",
       "Seuls les services de l'État peuvent faire partie du réseau de référencement.",
       False,
       "NGOs, associations and community actors are partners of the network too.",
       "Les ONG, les associations et les acteurs communautaires sont aussi partenaires du "
       "réseau."),
]
