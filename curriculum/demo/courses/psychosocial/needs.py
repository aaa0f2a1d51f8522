"""Psychosocial module 1: what returnees have lived through and how distress shows."""

MODULE = {
    "slug": "understanding-needs",
    "duration_minutes": 120,
    "en": {
        "title": "Understanding the psychosocial needs of returnees",
        "introduction": (
            "Why psychological support comes before, not after, economic reintegration, how "
            "distress usually shows, and where each kind of support sits on the intervention "
            "pyramid."
        ),
        "body": [
            ("paragraph", (
                "<h2>What people bring back</h2>"
                "<p>Since 2017, more than eleven thousand Malians stranded on the routes to "
                "Algeria and Libya have been helped to return home. Many crossed the desert in "
                "overloaded vehicles, were robbed, detained in overcrowded places, forced to "
                "work without pay, or saw fellow travellers die. Women and girls faced "
                "particular risks of sexual violence and exploitation. These experiences do not "
                "stay at the border.</p>"
                "<p>Return adds its own weight. The family may have sold livestock or borrowed "
                "to pay for the journey and expected money in return; the returnee may feel "
                "ashamed to come back empty-handed, or be called a failure. Some find their "
                "place taken, a fiancée married, a parent dead. This is why practitioners in Mali "
                "say that people need psychological support before we can talk to them about a "
                "business plan.</p>"
                "<h2>Common reactions are not illness</h2>"
                "<p>Most people who have lived through such events react in ways that are "
                "normal responses to abnormal situations: trouble sleeping, nightmares, "
                "irritability, headaches or stomach pains, avoiding people, sudden anger or "
                "tears, difficulty concentrating, a feeling of being different from others. In "
                "most cases these reactions lessen over weeks as people regain safety, routine "
                "and support. Our role is to support that recovery, not to label it.</p>"
                "<p>People also bring strengths: they survived, often helped others on the way, "
                "learnt languages and trades. Support that starts from these resources restores "
                "dignity.</p>"
            )),
            ("figure", {
                "image": "pyramid",
                "alt_text": (
                    "A pyramid in four layers. From the wide base to the narrow top: basic "
                    "services and security; community and family support; focused, "
                    "non-specialised support; specialised care."
                ),
                "caption": (
                    "Everyone needs the base; fewer people need each layer above it. Most of "
                    "our work sits in the two middle layers."
                ),
            }),
            ("paragraph", (
                "<h2>The intervention pyramid</h2>"
                "<p>Mental health and psychosocial support is organised in layers. At the "
                "<b>base</b>, everyone needs safety, food, shelter and health care delivered in a "
                "way that respects dignity. Above it, <b>community and family support</b>: "
                "reconnecting with relatives, community activities, theatre, art and sport. "
                "Then <b>focused, non-specialised support</b> for smaller groups, given by "
                "trained social workers and health staff: psychological first aid, individual or "
                "group follow-up. At the top, <b>specialised care</b> by psychologists and "
                "psychiatrists for the few who need it. The layers are complementary: a "
                "specialist cannot replace a family, and a football match cannot treat "
                "psychosis.</p>"
            )),
            ("key_message", {
                "heading": "Key message",
                "message": (
                    "<p>Most distress after return is a <b>normal reaction</b> that eases with "
                    "safety, routine and support. Our first job is to provide them, and to notice "
                    "the few who need more.</p>"
                ),
            }),
        ],
    },
    "fr": {
        "title": "Comprendre les besoins psychosociaux des migrants de retour",
        "introduction": (
            "Pourquoi le soutien psychologique vient avant la réintégration économique, et non "
            "après, comment la détresse se manifeste le plus souvent, et où se situe chaque forme "
            "de soutien sur la pyramide des interventions."
        ),
        "body": [
            ("paragraph", (
                "<h2>Ce que les personnes rapportent avec elles</h2>"
                "<p>Depuis 2017, plus de onze mille Maliens bloqués sur les routes de l'Algérie "
                "et de la Libye ont été aidés à rentrer au pays. Beaucoup ont traversé le désert "
                "dans des véhicules surchargés, ont été dépouillés, détenus dans des lieux "
                "surpeuplés, forcés de travailler sans salaire, ou ont vu mourir des compagnons "
                "de route. Les femmes et les filles ont été particulièrement exposées aux "
                "violences sexuelles et à l'exploitation. Ces expériences ne restent pas à la "
                "frontière.</p>"
                "<p>Le retour ajoute son propre poids. La famille a parfois vendu du bétail ou "
                "emprunté pour payer le voyage et attendait de l'argent en retour ; la personne "
                "peut avoir honte de revenir les mains vides, ou être traitée d'échec. Certains "
                "trouvent leur place prise, une fiancée mariée, un parent décédé. C'est pourquoi "
                "les praticiens au Mali disent qu'il faut d'abord un soutien psychologique avant "
                "de pouvoir parler de plan d'affaires.</p>"
                "<h2>Des réactions courantes, pas une maladie</h2>"
                "<p>La plupart des personnes qui ont vécu de tels événements réagissent d'une "
                "façon qui est une réponse normale à une situation anormale : troubles du "
                "sommeil, cauchemars, irritabilité, maux de tête ou de ventre, évitement des "
                "autres, colères ou larmes soudaines, difficultés de concentration, sentiment "
                "d'être différent. Le plus souvent, ces réactions s'atténuent en quelques "
                "semaines à mesure que la personne retrouve sécurité, routine et soutien. Notre "
                "rôle est d'accompagner ce rétablissement, non de lui coller une étiquette.</p>"
                "<p>Les personnes rapportent aussi des forces : elles ont survécu, ont souvent "
                "aidé d'autres en chemin, ont appris des langues et des métiers. Un soutien qui "
                "part de ces ressources rend sa dignité à la personne.</p>"
            )),
            ("figure", {
                "image": "pyramid",
                "alt_text": (
                    "Une pyramide en quatre niveaux. De la large base au sommet étroit : services "
                    "de base et sécurité ; soutien communautaire et familial ; soutien ciblé non "
                    "spécialisé ; soins spécialisés."
                ),
                "caption": (
                    "Tout le monde a besoin de la base ; de moins en moins de personnes ont "
                    "besoin de chaque niveau supérieur. L'essentiel de notre travail se situe "
                    "aux deux niveaux intermédiaires."
                ),
            }),
            ("paragraph", (
                "<h2>La pyramide des interventions</h2>"
                "<p>La santé mentale et le soutien psychosocial s'organisent par niveaux. À la "
                "<b>base</b>, chacun a besoin de sécurité, de nourriture, d'un abri et de soins, "
                "fournis dans le respect de sa dignité. Au-dessus, le <b>soutien communautaire "
                "et familial</b> : renouer avec les proches, activités collectives, théâtre, "
                "création artistique et sport. Puis le <b>soutien ciblé non spécialisé</b> pour "
                "des groupes plus restreints, apporté par des travailleurs sociaux et des "
                "soignants formés : premiers secours psychologiques, suivi individuel ou en "
                "groupe. Au sommet, les <b>soins spécialisés</b> dispensés par des psychologues "
                "et des psychiatres au petit nombre qui en a besoin. Les niveaux se complètent : "
                "un spécialiste ne remplace pas une famille, et un match de football ne soigne "
                "pas une psychose.</p>"
            )),
            ("key_message", {
                "heading": "Message clé",
                "message": (
                    "<p>La plupart des détresses après le retour sont des <b>réactions "
                    "normales</b> qui s'apaisent avec la sécurité, la routine et le soutien. "
                    "Notre premier travail est de les offrir, et de repérer les quelques "
                    "personnes qui ont besoin de davantage.</p>"
                ),
            }),
        ],
    },
}
