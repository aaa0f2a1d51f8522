"""The demo curriculum as data: the site's home and catalogue texts and the three courses."""

from . import nrm, psychosocial, reintegration

SITE = {
    "en": {
        "home_title": "Cascade",
        "home_intro": (
            "<p>Cascade trains the people who protect and support migrants in Mali: government "
            "technicians, social workers, health staff and the teams of partner organisations. "
            "Each course is taught first to future trainers, who then pass it on in their own "
            "regions.</p>"
        ),
        "catalogue_title": "Courses",
        "catalogue_intro": (
            "<p>Three courses, each taught over a few days in a workshop and followed online "
            "between sessions. A course is complete after <b>80% attendance</b> and a passed "
            "post-test.</p>"
        ),
    },
    "fr": {
        "home_title": "Cascade",
        "home_intro": (
            "<p>Cascade forme celles et ceux qui protègent et accompagnent les migrants au Mali : "
            "techniciens de l'État, travailleurs sociaux, personnels de santé et équipes des "
            "organisations partenaires. Chaque formation est d'abord dispensée à de futurs "
            "formateurs, qui la démultiplient ensuite dans leur région.</p>"
        ),
        "catalogue_title": "Formations",
        "catalogue_intro": (
            "<p>Trois formations, chacune donnée en atelier sur quelques jours et suivie en ligne "
            "entre les séances. Une formation est validée avec <b>80 % de présence</b> et la "
            "réussite du post-test.</p>"
        ),
    },
}

COURSES = [reintegration.COURSE, nrm.COURSE, psychosocial.COURSE]
