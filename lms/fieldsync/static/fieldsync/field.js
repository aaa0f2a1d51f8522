/* The field roster (templates/fieldsync/field_roster.html): attendance for any day and
   enrolments, recorded through window.CascadeQueue (offline.js) so that they work offline.
   What the page shows for a person and a day: the latest change made on this phone, else the
   mark the server had when the page was opened. */
(function () {
  "use strict";

  var root = document.getElementById("field");
  var queue = window.CascadeQueue;
  if (!root || !queue) {
    return;
  }
  var cohort = Number(root.getAttribute("data-cohort"));
  var serverMarks = JSON.parse(document.getElementById("field-marks").textContent);
  var labels = document.getElementById("field-labels");
  var daySelect = document.getElementById("field-day");
  var roster = document.getElementById("field-roster");
  var localKey = "cascade.field." + cohort + "." +
    document.querySelector('meta[name="cascade-sync"]').getAttribute("data-user");

  function local() {  // what this phone recorded: marks and people enrolled here
    try {
      return JSON.parse(localStorage.getItem(localKey)) || {marks: {}, people: []};
    } catch (error) {
      return {marks: {}, people: []};
    }
  }

  function saveLocal(data) {
    localStorage.setItem(localKey, JSON.stringify(data));
  }

  function personKey(row) {
    return row.getAttribute("data-enrollment") || "enrol:" + row.getAttribute("data-enrol");
  }

  function showDay() {
    var day = daySelect.value;
    var marks = local().marks;
    roster.querySelectorAll("li[data-enrollment], li[data-enrol]").forEach(function (row) {
      var person = personKey(row);
      var mark = marks[person + "|" + day];
      var status = mark ? mark.status : serverMarks[person + "|" + day] || "";
      row.querySelectorAll("input[type=radio]").forEach(function (input) {
        input.checked = input.value === status;
      });
    });
  }

  function addRow(person) {
    var row = document.getElementById("field-row").content.firstElementChild.cloneNode(true);
    row.setAttribute("data-enrol", person.id);
    row.querySelector(".name").textContent = person.name;
    row.querySelectorAll("input[type=radio]").forEach(function (input) {
      input.name = "mark-enrol-" + person.id;
    });
    roster.appendChild(row);
  }

  function describe(change) {
    var kind = labels.getAttribute("data-" + (change.kind === "module_complete" ? "complete" :
      change.kind));
    var person = change.person ? change.person.first_name + " " + change.person.last_name : "";
    if (change.kind === "attendance") {
      var row = change.enrol ? roster.querySelector('li[data-enrol="' + change.enrol + '"]') :
        roster.querySelector('li[data-enrollment="' + change.enrollment + '"]');
      var name = row ? row.querySelector("legend").firstChild.textContent.trim() : "";
      var status = row ? row.querySelector("label." + change.status) : null;
      person = name + ", " + change.date + ": " + (status ? status.textContent.trim() :
        change.status);
    }
    return kind + " — " + person;
  }

  function fill(list, items, text) {
    list.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.textContent = text(item);
      list.appendChild(li);
    });
  }

  function showQueue() {
    var pending = queue.pending().filter(function (change) {
      return change.cohort === cohort;
    });
    document.getElementById("pending-count").textContent = String(pending.length);
    fill(document.getElementById("pending-list"), pending, describe);
    var refused = queue.refused().filter(function (item) {
      return item.change.cohort === cohort;
    });
    document.getElementById("refused").hidden = !refused.length;
    fill(document.getElementById("refused-list"), refused, function (item) {
      return describe(item.change) + " — " + item.reason;
    });
    var problem = document.getElementById("queue-problem");
    problem.hidden = !queue.problem;
    problem.textContent = queue.problem ? problem.getAttribute("data-" + queue.problem) : "";
  }

  roster.addEventListener("change", function (event) {
    var input = event.target;
    var row = input.closest("li");
    var change = {kind: "attendance", cohort: cohort, date: daySelect.value, status: input.value};
    if (row.hasAttribute("data-enrollment")) {
      change.enrollment = Number(row.getAttribute("data-enrollment"));
    } else {
      change.enrol = row.getAttribute("data-enrol");
    }
    change.id = queue.uuid();
    var data = local();
    data.marks[personKey(row) + "|" + change.date] = {status: input.value, id: change.id};
    saveLocal(data);
    queue.add(change);
  });

  document.getElementById("field-enrol").addEventListener("submit", function (event) {
    event.preventDefault();
    var form = event.target;
    var person = {};  // every field of the online enrol form, as it would post them
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.name === "csrfmiddlewaretoken" ||
          ((field.type === "checkbox" || field.type === "radio") && !field.checked)) {
        return;
      }
      person[field.name] = field.value.trim();
    });
    var problem = document.getElementById("enrol-problem");
    problem.hidden = Boolean(person.first_name && person.last_name);
    if (!problem.hidden) {
      return;
    }
    var change = queue.add({kind: "enrol", cohort: cohort, person: person, id: queue.uuid()});
    var data = local();
    data.people.push({id: change.id, name: person.first_name + " " + person.last_name});
    saveLocal(data);
    addRow(data.people[data.people.length - 1]);
    showDay();
    form.reset();  // the next person starts from the form as served (the session's region)
    form.elements.first_name.focus();
  });

  document.getElementById("send-now").addEventListener("click", function () {
    queue.send();
  });
  document.getElementById("refused-dismiss").addEventListener("click", queue.dismiss);
  daySelect.addEventListener("change", showDay);
  document.addEventListener("cascade:queue", showQueue);

  // Changes sent before this page was fetched are in its server data: forget them here.
  function prune() {
    var waiting = {};
    queue.pending().forEach(function (change) {
      waiting[change.id] = true;
    });
    var data = local();
    Object.keys(data.marks).forEach(function (key) {
      if (!waiting[data.marks[key].id]) {
        delete data.marks[key];
      }
    });
    data.people = data.people.filter(function (person) {
      return waiting[person.id];
    });
    saveLocal(data);
  }

  prune();
  local().people.forEach(function (person) {
    if (!roster.querySelector('li[data-enrol="' + person.id + '"]')) {
      addRow(person);
    }
  });
  showDay();
  showQueue();
}());
